using System.Net;
using System.Text.Json;
using Bunit;
using Journeyscope.Server.Components;
using Journeyscope.Server.Components.Api;
using Journeyscope.Server.Components.Pages;

namespace Journeyscope.Server.Tests.Components;

public sealed class PageTests
{
    [Fact]
    public async Task Overview_WorkspaceWithEvents_ShowsTilesVariantsAndBottlenecks()
    {
        // Given
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/summary", ApiFixtures.Summary)
            .On("/api/v1/workspaces/shop/variants", ApiFixtures.Variants)
            .On("/api/v1/workspaces/shop/bottlenecks", ApiFixtures.Bottlenecks)
            .On("/api/v1/workspaces/shop/performance", ApiFixtures.Performance);
        await using var context = api.Context();

        // When
        var page = context.Render<Overview>(p => p.Add(x => x.Ws, "shop"));

        // Then
        page.WaitForAssertion(() => page.Find("[data-testid=tile-cases]").TextContent.ShouldBe("2"));
        page.Find("[data-testid=tile-events]").TextContent.ShouldBe("5");
        page.Markup.ShouldContain("Register → Check → Pay");
        page.Markup.ShouldContain("80.0%");
        page.Markup.ShouldContain("25.0%"); // flow efficiency tile
    }

    [Fact]
    public async Task ProcessMap_ApiJson_IsDrawnWithOneNodePerActivity()
    {
        // Given
        var api = new FakeApi().On("/api/v1/workspaces/shop/process-map", ApiFixtures.ProcessMap);
        await using var context = api.Context();

        // When
        var page = context.Render<ProcessMapPage>(p => p.Add(x => x.Ws, "shop"));

        // Then
        page.WaitForAssertion(() => context.JSInterop.Invocations.Any(i => i.Identifier == "journeyscope.draw").ShouldBeTrue());
        var draw = context.JSInterop.Invocations.Last(i => i.Identifier == "journeyscope.draw");
        draw.Arguments[0].ShouldBe("processMap");
        var json = JsonSerializer.SerializeToElement(draw.Arguments[3], new JsonSerializerOptions(JsonSerializerDefaults.Web));
        json.GetProperty("nodes").GetArrayLength().ShouldBe(3);
        json.GetProperty("edges").GetArrayLength().ShouldBe(2);
        page.Find("[data-testid=map-counts]").TextContent.ShouldContain("3 activities, 2 paths shown");
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/process-map?sliders=readable");
    }

    [Fact]
    public async Task ProcessMap_InvalidFilter_ShowsTheApiMessageUnderTheFilters()
    {
        // Given
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/process-map?activities=1&paths=1&filter=", ApiFixtures.BadFilter, HttpStatusCode.BadRequest)
            .On("/api/v1/workspaces/shop/process-map", ApiFixtures.ProcessMap);
        await using var context = api.Context();
        var page = context.Render<ProcessMapPage>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.Find("[data-testid=map-counts]"));

        // When
        page.Find("textarea").Change("bogus");
        await page.InvokeAsync(() => page.FindAll("button").First(b => b.TextContent.Contains("Apply filters", StringComparison.Ordinal)).Click());

        // Then
        page.WaitForAssertion(() => page.Find(".mud-input-helper-text.mud-input-error").TextContent.ShouldContain("unknown filter 'bogus'", customMessage: page.Markup));
        api.Requests.ShouldContain(r => r.EndsWith("filter=bogus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessMap_EdgeClicked_ListsTheCasesThroughThatEdge()
    {
        // Given
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/process-map", ApiFixtures.ProcessMap)
            .On("/api/v1/workspaces/shop/cases", ApiFixtures.Cases);
        await using var context = api.Context();
        var page = context.Render<ProcessMapPage>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.Find("[data-testid=map-counts]"));

        // When
        await page.InvokeAsync(() => page.Instance.OnMapSelection("edge", "Register", "Check"));

        // Then
        page.WaitForAssertion(() => page.Find("[data-testid=selection]").TextContent.ShouldContain("c2"));
        page.Find("[data-testid=selection]").TextContent.ShouldContain("Cases going Register → Check");
        api.Requests.ShouldContain(r => r.Contains("/cases?from=Register&to=Check&activities=1&paths=1&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessMap_FilterFromHereOnANode_AppliesTheContainsFilter()
    {
        // Given the map with the node Check selected
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/process-map", ApiFixtures.ProcessMap)
            .On("/api/v1/workspaces/shop/cases", ApiFixtures.Cases);
        await using var context = api.Context();
        var page = context.Render<ProcessMapPage>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.Find("[data-testid=map-counts]"));
        await page.InvokeAsync(() => page.Instance.OnMapSelection("node", "Check", null));
        page.WaitForAssertion(() => page.Find("[data-testid=filter-from-here]"));

        // When "Filter from here" is pressed
        await page.InvokeAsync(() => page.Find("[data-testid=filter-from-here]").Click());

        // Then the map is asked again with the whole cases that contain Check
        page.WaitForAssertion(() => api.Requests.ShouldContain("GET /api/v1/workspaces/shop/process-map?activities=1&paths=1&filter=contains Check"));
    }

    [Fact]
    public async Task ProcessMap_FilterFromHereOnAnEdge_AppliesTheFollowsFilter()
    {
        // Given the map with the edge Register → Check selected
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/process-map", ApiFixtures.ProcessMap)
            .On("/api/v1/workspaces/shop/cases", ApiFixtures.Cases);
        await using var context = api.Context();
        var page = context.Render<ProcessMapPage>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.Find("[data-testid=map-counts]"));
        await page.InvokeAsync(() => page.Instance.OnMapSelection("edge", "Register", "Check"));
        page.WaitForAssertion(() => page.Find("[data-testid=filter-from-here]"));

        // When "Filter from here" is pressed
        await page.InvokeAsync(() => page.Find("[data-testid=filter-from-here]").Click());

        // Then the filter box holds the path's filter and the map is asked again with it, at the same sliders
        page.WaitForAssertion(() => api.Requests.ShouldContain(
            "GET /api/v1/workspaces/shop/process-map?activities=1&paths=1&filter=follows Register -> Check"));
        page.Find("textarea").GetAttribute("value").ShouldBe("follows Register -> Check");
    }

    [Fact]
    public async Task CasePage_Case_ShowsEventsInOrderWithAttributes()
    {
        // Given
        var api = new FakeApi().On("/api/v1/workspaces/shop/cases/c1", ApiFixtures.Case);
        await using var context = api.Context();

        // When
        var page = context.Render<CasePage>(p => p.Add(x => x.Ws, "shop").Add(x => x.CaseId, "c1"));

        // Then
        page.WaitForAssertion(() => page.FindAll("[data-testid=case-events] tbody tr").Count.ShouldBe(3));
        var rows = page.FindAll("[data-testid=case-events] tbody tr").Select(r => r.Children[1].TextContent).ToList();
        rows.ShouldBe(["Register", "Check", "Pay"]);
        page.Markup.ShouldContain("segment: B2B");
        page.Markup.ShouldContain("amount=12.5");
    }

    [Fact]
    public async Task CasePage_UnknownCase_ShowsTheProblemDetail()
    {
        // Given
        var api = new FakeApi().On("/api/v1/workspaces/shop/cases/nope", """{"title":"Unknown case","status":404,"detail":"No case 'nope' in workspace 'shop'."}""", HttpStatusCode.NotFound);
        await using var context = api.Context();

        // When
        var page = context.Render<CasePage>(p => p.Add(x => x.Ws, "shop").Add(x => x.CaseId, "nope"));

        // Then
        page.WaitForAssertion(() => page.Find("[data-testid=error]").TextContent.ShouldContain("No case 'nope' in workspace 'shop'."));
    }

    [Fact]
    public async Task Journey_WithJourney_DrawsBlueprintAndShowsTheClickedTouchpoint()
    {
        // Given
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/journeys/retail", ApiFixtures.Journey)
            .On("/api/v1/workspaces/shop/journeys", ApiFixtures.Journeys);
        await using var context = api.Context();
        var page = context.Render<Journey>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => context.JSInterop.Invocations.Any(i => i.Identifier == "journeyscope.draw" && (string)i.Arguments[0]! == "blueprint").ShouldBeTrue());

        // When
        await page.InvokeAsync(() => page.Instance.OnTouchpointSelected("checkout"));

        // Then
        var detail = page.Find("[data-testid=touchpoint-detail]").TextContent;
        detail.ShouldContain("Checkout");
        detail.ShouldContain("Purchase & Transaction");
        detail.ShouldContain("Channel: web");
    }

    [Fact]
    public async Task Journey_WithFlow_ColoursCardsByConformanceAndListsExampleCases()
    {
        // Given a journey with a designed flow whose 'ship' touchpoint is skipped by 3 of 10 cases
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/journeys/retail/conformance", ApiFixtures.Conformance)
            .On("/api/v1/workspaces/shop/journeys/retail", ApiFixtures.JourneyWithFlow)
            .On("/api/v1/workspaces/shop/journeys", ApiFixtures.Journeys);
        await using var context = api.Context();
        var page = context.Render<Journey>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.Find("[data-testid=conformance-summary]").TextContent.ShouldContain("7 of 10 cases"));

        // When the red 'ship' card is clicked
        await page.InvokeAsync(() => page.Instance.OnTouchpointSelected("ship"));

        // Then the blueprint got the status per touchpoint, and the detail lists the deviations and example cases
        var draw = context.JSInterop.Invocations.Last(i => i.Identifier == "journeyscope.draw" && (string)i.Arguments[0]! == "blueprint");
        System.Text.Json.JsonSerializer.Serialize(draw.Arguments[4]).ShouldContain("\"ship\":{\"status\":\"bad\"");
        page.Find("[data-testid=touchpoint-deviations]").TextContent.ShouldContain("skipped it330.0%");
        page.Find("[data-testid=deviating-row]").TextContent.ShouldContain("30.0%");
        page.FindAll("a").Select(a => a.GetAttribute("href")).ShouldContain("w/shop/cases/c7");
        page.FindAll("[data-testid=pattern-text]").Select(e => e.TextContent).ShouldContain("skipped Ship");
    }

    [Fact]
    public async Task Journey_ServerWithoutJourneys_ExplainsHowToAddOne()
    {
        // Given: the fake answers 404 for the journeys endpoint
        await using var context = new FakeApi().Context();

        // When
        var page = context.Render<Journey>(p => p.Add(x => x.Ws, "shop"));

        // Then
        page.WaitForAssertion(() => page.Find("[data-testid=no-journey]").TextContent.ShouldContain("journeys/<id>.yaml"));
    }

    [Fact]
    public async Task Variants_Loaded_ShowsRowsAndDrawsTheCoverageCurve()
    {
        // Given
        var api = new FakeApi().On("/api/v1/workspaces/shop/variants", ApiFixtures.Variants);
        await using var context = api.Context();

        // When
        var page = context.Render<Variants>(p => p.Add(x => x.Ws, "shop"));

        // Then the rows show their steps inline, and the curve gets the case counts and all cases (shares of all cases)
        page.WaitForAssertion(() => page.FindAll("[data-testid=variants-table] tbody tr").Count.ShouldBe(2));
        page.Find("[data-testid=variant-detail]").TextContent.ShouldContain("Pay");
        page.FindAll("[data-testid=variant-steps]")[0].QuerySelectorAll("li").Select(li => li.TextContent).ShouldBe(["Register", "Check", "Pay"]);
        var draw = context.JSInterop.Invocations.Last(i => i.Identifier == "journeyscope.draw");
        draw.Arguments[0].ShouldBe("coverage");
        JsonSerializer.Serialize(draw.Arguments[3]).ShouldBe("""{"counts":[1,1],"total":2}""");
    }

    [Fact]
    public async Task ApiClient_ProblemDetails_ThrowsApiExceptionWithStatusTitleAndDetail()
    {
        // Given
        var api = new FakeApi().On("/api/v1/workspaces/x/summary", ApiFixtures.BadFilter, HttpStatusCode.BadRequest);
        using var http = new HttpClient(api) { BaseAddress = new Uri("http://ui.test/") };
        var client = new ApiClient(http);

        // When
        var e = await Should.ThrowAsync<ApiException>(() => client.GetSummaryAsync("x", ["bogus"], Xunit.TestContext.Current.CancellationToken));

        // Then
        e.Status.ShouldBe(HttpStatusCode.BadRequest);
        e.Title.ShouldBe("Invalid filter");
        e.Detail!.ShouldStartWith("Line 1: unknown filter");
        api.Requests.ShouldBe(["GET /api/v1/workspaces/x/summary?filter=bogus"]);
    }
}
