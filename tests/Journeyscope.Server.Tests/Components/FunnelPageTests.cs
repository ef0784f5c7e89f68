using System.Net;
using System.Text.Json;
using Bunit;
using Journeyscope.Server.Components.Pages;
using FunnelsPage = Journeyscope.Server.Components.Pages.Funnels;

namespace Journeyscope.Server.Tests.Components;

public sealed class FunnelPageTests
{
    private static FakeApi Shop() => new FakeApi()
        .On("/api/v1/workspaces/shop", FunnelFixtures.Workspace)
        .On("/api/v1/workspaces/shop/summary", ApiFixtures.Summary)
        .On("/api/v1/workspaces/shop/variants", ApiFixtures.Variants)
        .On("/api/v1/workspaces/shop/journeys", FunnelFixtures.NoJourneys);

    [Fact]
    public async Task Funnels_Opened_StartsFromTheTopVariantAndDrawsTheFunnel()
    {
        // Given a workspace whose most frequent variant is Register → Check → Pay
        var api = Shop().On("/api/v1/workspaces/shop/funnels", FunnelFixtures.Funnel);
        await using var context = api.Context();

        // When the page opens
        var page = context.Render<FunnelsPage>(p => p.Add(x => x.Ws, "shop"));

        // Then it posts that funnel, draws its bars proportional to the counts (2, 2, 1 entered: 100 %, 100 %, 50 %, the
        // one case lost before Pay drawn on Pay's bar) and lists every step with conversion and time
        page.WaitForAssertion(() => page.FindAll("[data-testid=funnel-table] tbody tr").Count.ShouldBe(3));
        page.Instance.Steps.Select(s => s.Value).ShouldBe(["Register", "Check", "Pay"]);
        api.Requests.ShouldContain("POST /api/v1/workspaces/shop/funnels");
        page.FindAll("[data-testid=funnel-bar-entered]").Select(b => b.GetAttribute("style")).ShouldBe(["width:100%", "width:100%", "width:50%"]);
        var bars = page.FindAll("[data-testid=funnel-bar]");
        bars[2].QuerySelector("[data-testid=funnel-bar-dropped]").ShouldNotBeNull().GetAttribute("style").ShouldBe("width:50%");
        bars[1].QuerySelector("[data-testid=funnel-bar-dropped]").ShouldBeNull();
        bars[2].TextContent.ShouldContain("1 dropped off");
        var last = page.FindAll("[data-testid=funnel-table] tbody tr")[2].TextContent;
        last.ShouldContain("50.0%");
        last.ShouldContain("1.5h");
        page.Find("[data-testid=funnel-summary]").TextContent.ShouldContain("2 of 2 cases entered");
    }

    [Fact]
    public async Task Funnels_BuilderButtons_AddMoveAndRemoveSteps()
    {
        // Given the page with the three steps of the top variant
        var api = Shop().On("/api/v1/workspaces/shop/funnels", FunnelFixtures.Funnel);
        await using var context = api.Context();
        var page = context.Render<FunnelsPage>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.Instance.Steps.Count.ShouldBe(3));

        // (the first funnel has been drawn, so the page is no longer loading)
        page.WaitForAssertion(() => page.FindAll("[data-testid=funnel-table] tbody tr").Count.ShouldBe(3));

        // When step 3 is removed, step 2 moved up and a step added through the buttons
        // (each click waits for the render of the one before: under load a click could reach a stale button)
        page.Find("button[aria-label='Remove step 3']").Click();
        page.WaitForAssertion(() => page.Instance.Steps.Select(s => s.Value).ShouldBe(["Register", "Check"]));
        page.Find("button[aria-label='Move step 2 up']").Click();
        page.WaitForAssertion(() => page.Instance.Steps.Select(s => s.Value).ShouldBe(["Check", "Register"]));
        page.FindAll("button").First(b => b.TextContent.Contains("Add step", StringComparison.Ordinal)).Click();

        // Then the steps are Check, Register and an empty one, and running without picking it says which step to fix
        page.WaitForAssertion(() => page.Instance.Steps.Select(s => s.Value).ShouldBe(["Check", "Register", null]));
        page.Find("button[aria-label='Move step 1 up']").HasAttribute("disabled").ShouldBeTrue();
        var posts = api.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal));
        await page.InvokeAsync(() => page.Instance.RunFunnelAsync());
        page.WaitForAssertion(() => page.Find("[data-testid=error]").TextContent.ShouldContain("Step 3: pick an activity"));
        api.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal)).ShouldBe(posts);
    }

    [Fact]
    public async Task Funnels_ConditionAndExclusion_AreSentWithTheFunnel()
    {
        // Given the page with the three steps of the top variant
        var api = Shop().On("/api/v1/workspaces/shop/funnels", FunnelFixtures.Funnel);
        await using var context = api.Context();
        var page = context.Render<FunnelsPage>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.Instance.Steps.Count.ShouldBe(3));

        // (the first funnel has been drawn, so the page is no longer loading)
        page.WaitForAssertion(() => page.FindAll("[data-testid=funnel-table] tbody tr").Count.ShouldBe(3));

        // When step 2 gets a condition and an exclusion of Check between steps 1 and 3 is added through the button
        page.Instance.Steps[1].Condition = "event.channel == app";
        page.FindAll("button").First(b => b.TextContent.Contains("Add exclusion", StringComparison.Ordinal)).Click();
        page.Instance.Exclusions.Single().Activity = "Check";
        await page.InvokeAsync(() => page.Instance.RunFunnelAsync());

        // Then the posted funnel carries both, and an exclusion without an activity is refused before posting
        page.WaitForAssertion(() => api.Bodies.Count.ShouldBe(2));
        using var body = JsonDocument.Parse(api.Bodies[^1]);
        body.RootElement.GetProperty("steps")[1].GetProperty("conditions")[0].GetString().ShouldBe("event.channel == app");
        body.RootElement.GetProperty("steps")[0].GetProperty("conditions").ValueKind.ShouldBe(JsonValueKind.Null);
        var exclusion = body.RootElement.GetProperty("exclusions")[0];
        (exclusion.GetProperty("activities")[0].GetString(), exclusion.GetProperty("fromStep").GetInt32(), exclusion.GetProperty("toStep").GetInt32())
            .ShouldBe(("Check", 1, 3));
        page.Instance.AddExclusion();
        await page.InvokeAsync(() => page.Instance.RunFunnelAsync());
        page.WaitForAssertion(() => page.Find("[data-testid=error]").TextContent.ShouldContain("Exclusion 2: pick an activity"));
        api.Bodies.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Funnels_JourneyPicked_StepsBecomeItsTouchpoints()
    {
        // Given a workspace with the journey 'retail' (touchpoints checkout and ship)
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop", FunnelFixtures.Workspace)
            .On("/api/v1/workspaces/shop/summary", ApiFixtures.Summary)
            .On("/api/v1/workspaces/shop/variants", ApiFixtures.Variants)
            .On("/api/v1/workspaces/shop/journeys/retail", ApiFixtures.Journey)
            .On("/api/v1/workspaces/shop/journeys", ApiFixtures.Journeys)
            .On("/api/v1/workspaces/shop/funnels", FunnelFixtures.Funnel);
        await using var context = api.Context();
        var page = context.Render<FunnelsPage>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=funnel-table] tbody tr").Count.ShouldBe(3));

        // When the journey is picked as the source of the steps
        await page.InvokeAsync(() => page.Instance.PickJourneyAsync("retail"));

        // Then the steps are its touchpoints, in the journey's order
        page.Instance.Steps.Select(s => s.Value).ShouldBe(["checkout", "ship"]);
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/journeys/retail/model");
    }

    [Fact]
    public async Task Funnels_DropOffClicked_ListsTheCasesLinkingToTheCasePage()
    {
        // Given a funnel where one case stopped at Check
        var api = Shop().On("/api/v1/workspaces/shop/funnels", FunnelFixtures.Funnel);
        await using var context = api.Context();
        var page = context.Render<FunnelsPage>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=funnel-table] tbody tr").Count.ShouldBe(3));

        // When its drop-off count is clicked
        page.Find("button[aria-label='Show the 1 cases that reached step 2 and not step 3']").Click();

        // Then the drop-off cases are listed with links to their case pages
        page.WaitForAssertion(() => page.Find("[data-testid=drop-offs]").TextContent.ShouldContain("stopped at step 2 (Check), before step 3 (Pay)"));
        page.Find("[data-testid=drop-offs] a").GetAttribute("href").ShouldBe("w/shop/cases/c2");
        api.Requests.Count(r => r == "POST /api/v1/workspaces/shop/funnels").ShouldBe(2);
    }

    [Fact]
    public async Task Funnels_BreakdownDropOffClicked_ListsThatValuesCases()
    {
        // Given a funnel by channel where the app case stopped at Register
        var api = Shop().On("/api/v1/workspaces/shop/funnels", FunnelFixtures.FunnelByChannel);
        await using var context = api.Context();
        var page = context.Render<FunnelsPage>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=breakdown-table] tbody tr").Count.ShouldBe(2));

        // When the app row's drop-off is clicked
        page.Find("button[aria-label='Show the 1 cases with channel = app that reached step 1 and not step 2']").Click();

        // Then that value's drop-off cases are listed
        page.WaitForAssertion(() => page.Find("[data-testid=drop-offs]").TextContent.ShouldContain("with channel = app"));
        page.Find("[data-testid=drop-offs] a").GetAttribute("href").ShouldBe("w/shop/cases/c2");
        page.FindAll("[data-testid=breakdown-table] tbody tr")[0].TextContent.ShouldNotContain("−");
    }

    [Fact]
    public async Task Funnels_ApiRejectsTheFunnel_ShowsTheProblemDetail()
    {
        // Given the API answers 400 for the funnel
        var api = Shop().On("/api/v1/workspaces/shop/funnels",
            """{"title":"Unknown activity","status":400,"detail":"Step 2: workspace 'shop' has no activity 'Chek'. Did you mean 'Check'?"}""", HttpStatusCode.BadRequest);
        await using var context = api.Context();

        // When the page runs its first funnel
        var page = context.Render<FunnelsPage>(p => p.Add(x => x.Ws, "shop"));

        // Then the detail is shown
        page.WaitForAssertion(() => page.Find("[data-testid=error]").TextContent.ShouldContain("Did you mean 'Check'?"));
    }

    [Fact]
    public async Task Paths_Opened_DrawsTheSankeyWithUniqueNodeNamesAndListsTheLinks()
    {
        // Given paths after Register
        var api = Shop().On("/api/v1/workspaces/shop/paths", FunnelFixtures.Paths);
        await using var context = api.Context();

        // When the page opens
        var page = context.Render<Paths>(p => p.Add(x => x.Ws, "shop"));

        // Then it anchors at the top variant's first activity, draws a Sankey and lists one row per link
        page.WaitForAssertion(() => page.FindAll("[data-testid=paths-table] tbody tr").Count.ShouldBe(3));
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/paths?from=Register&direction=next&depth=3&top=8");
        var draw = context.JSInterop.Invocations.Last(i => i.Identifier == "journeyscope.draw");
        draw.Arguments[0].ShouldBe("sankey");
        var json = JsonSerializer.SerializeToElement(draw.Arguments[3]);
        json.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString())
            .ShouldBe(["Register", "Check (+1)", "Pay (+2)", "end of journey (+2)"]);
        json.GetProperty("links")[2].GetProperty("target").GetString().ShouldBe("end of journey (+2)");
        page.FindAll("[data-testid=paths-table] tbody tr")[2].TextContent.ShouldContain("50.0%");
    }

    [Fact]
    public async Task Paths_PreviousDirection_AsksForTheStepsBeforeTheAnchor()
    {
        // Given the page
        var api = Shop().On("/api/v1/workspaces/shop/paths", FunnelFixtures.Paths);
        await using var context = api.Context();
        var page = context.Render<Paths>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=paths-table] tbody tr").Count.ShouldBe(3));

        // When the paths before Pay are asked for, two steps deep, three per step
        page.Instance.Configure("Pay", "previous", 2, 3);
        await page.InvokeAsync(() => page.Instance.ShowPathsAsync());

        // Then the API is asked with 'to' and direction previous
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/paths?to=Pay&direction=previous&depth=2&top=3");
    }

    [Fact]
    public async Task Retention_Opened_ShowsTheCohortGridShadedByRateAndChurn()
    {
        // Given two weekly cohorts
        var api = Shop().On("/api/v1/workspaces/shop/retention", FunnelFixtures.Retention);
        await using var context = api.Context();

        // When the page opens
        var page = context.Render<Retention>(p => p.Add(x => x.Ws, "shop"));

        // Then the grid has a row per cohort plus the total, cells shaded by rate, empty where not yet eligible
        page.WaitForAssertion(() => page.FindAll("[data-testid=retention-table] tbody tr").Count.ShouldBe(3));
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/retention?cohort=week&periods=8&churn=inactive:30d");
        var first = page.FindAll("[data-testid=retention-table] tbody tr")[0].QuerySelectorAll("td");
        first[1].TextContent.ShouldBe("100.0%");
        first[1].GetAttribute("style")!.ShouldContain("rgba(31,95,168,1.00)");
        first[3].GetAttribute("style")!.ShouldContain("rgba(31,95,168,0.31)");
        var second = page.FindAll("[data-testid=retention-table] tbody tr")[1].QuerySelectorAll("td");
        second[3].TextContent.ShouldBe("–");
        page.Find("[data-testid=tile-churned]").TextContent.ShouldBe("1");
        page.Find("[data-testid=churn-rule]").TextContent.ShouldContain("no event for 30d");
    }

    [Fact]
    public async Task Retention_AttributeCohortAndChurnEvent_AreSentAsTheApiExpects()
    {
        // Given the page
        var api = Shop().On("/api/v1/workspaces/shop/retention", FunnelFixtures.Retention);
        await using var context = api.Context();
        var page = context.Render<Retention>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=retention-table] tbody tr").Count.ShouldBe(3));

        // When cohorts by segment with Pay as the return and Check as the churn event are asked for
        page.Instance.Configure("attribute:segment", 4, "Pay", "", "Check");
        await page.InvokeAsync(() => page.Instance.ShowRetentionAsync());

        // Then the query carries them, and the page offers the retention period an attribute cohort needs
        page.Markup.ShouldContain("Retention period");
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/retention?cohort=attribute:segment&period=week&periods=4&return=Pay&churn=event:Check");
    }
}
