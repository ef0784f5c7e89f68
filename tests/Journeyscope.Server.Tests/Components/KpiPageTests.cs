using System.Net;
using System.Text.Json;
using Bunit;
using Journeyscope.Server.Components.Pages;
using KpisPage = Journeyscope.Server.Components.Pages.Kpis;
using VocPage = Journeyscope.Server.Components.Pages.Voc;

namespace Journeyscope.Server.Tests.Components;

public sealed class KpiPageTests
{
    private const string Retail = "/api/v1/workspaces/shop/journeys/retail";

    [Fact]
    public async Task Kpis_Loaded_ShowsTilesWithStatusTrendsAndTheTree()
    {
        // Given a journey with NPS (missed) driven by delivery time (met)
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/journeys", KpiFixtures.Journeys)
            .On(Retail + "/kpis/tree", KpiFixtures.Tree)
            .On(Retail + "/kpis", KpiFixtures.Kpis);
        await using var context = api.Context();

        // When the page opens
        var page = context.Render<KpisPage>(p => p.Add(x => x.Ws, "shop"));

        // Then each KPI has a tile with value, target and a coloured status chip
        page.WaitForAssertion(() => page.Find("[data-testid=kpi-value-nps]").TextContent.ShouldBe("25"));
        page.Find("[data-testid=kpi-nps]").TextContent.ShouldContain("target >= 40");
        page.Find("[data-testid=kpi-status-nps]").ClassList.ShouldContain("mud-chip-color-error");
        page.Find("[data-testid=kpi-status-delivery-time]").ClassList.ShouldContain("mud-chip-color-success");
        page.Find("[data-testid=kpi-value-delivery-time]").TextContent.ShouldBe("2d12h");

        // And a trend line per KPI, durations marked for the axis
        var trends = context.JSInterop.Invocations.Where(i => i.Identifier == "journeyscope.draw" && (string)i.Arguments[0]! == "timeSeries").ToList();
        trends.Count.ShouldBe(3);
        var nps = JsonSerializer.SerializeToElement(trends[0].Arguments[3], new JsonSerializerOptions(JsonSerializerDefaults.Web));
        nps.GetProperty("series")[0].GetProperty("points").GetArrayLength().ShouldBe(2);
        nps.GetProperty("series")[0].GetProperty("points")[1].GetProperty("v").GetDouble().ShouldBe(10);
        JsonSerializer.Serialize(trends[1].Arguments[4]).ShouldContain("\"durations\":true");
        var conversion = JsonSerializer.SerializeToElement(trends[2].Arguments[3], new JsonSerializerOptions(JsonSerializerDefaults.Web)).GetProperty("series")[0];
        conversion.GetProperty("name").GetString().ShouldBe("Visit to order conversion (%)");
        conversion.GetProperty("points")[0].GetProperty("v").GetDouble().ShouldBe(54.3);
        page.Find("[data-testid=kpi-status-conversion]").TextContent.ShouldBe("no target");
        page.FindAll("[data-testid=period]").Count.ShouldBe(1);

        // And the tree row names parent and driver, in bold because the interval excludes zero
        page.WaitForAssertion(() => page.Find("[data-testid=link-nps-delivery-time]").TextContent.ShouldContain("Order to delivery"));
        page.Find("[data-testid=kpi-tree]").TextContent.ShouldContain("Net Promoter Score");
        page.Find("[data-testid=link-nps-delivery-time]").InnerHtml.ShouldContain("font-weight:bold");
        page.Find("[data-testid=link-nps-delivery-time]").TextContent.ShouldContain("[-210, -190]");
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/journeys/retail/kpis?period=month");
    }

    [Fact]
    public async Task Kpis_BreakdownAttribute_AsksTheApiAndShowsTheSegmentTable()
    {
        // Given the page loaded
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/journeys", KpiFixtures.Journeys)
            .On(Retail + "/kpis/tree", KpiFixtures.Tree)
            .On(Retail + "/kpis?period=month&by=channel", KpiFixtures.KpisByChannel)
            .On(Retail + "/kpis", KpiFixtures.Kpis);
        await using var context = api.Context();
        var page = context.Render<KpisPage>(p => p.Add(x => x.Ws, "shop"));
        page.WaitForAssertion(() => page.Find("[data-testid=kpi-value-nps]"));

        // When a breakdown by channel is applied
        page.Find("input[data-testid=by]").Change("channel");
        page.Find("[data-testid=apply]").Click();

        // Then the segments table has one row per channel with the values
        page.WaitForAssertion(() => page.FindAll("[data-testid=segments] tbody tr").Count.ShouldBe(2));
        var rows = page.FindAll("[data-testid=segments] tbody tr").Select(r => r.TextContent).ToList();
        rows[0].ShouldContain("web");
        rows[0].ShouldContain("50");
        rows[1].ShouldContain("store");
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/journeys/retail/kpis?period=month&by=channel");
    }

    [Fact]
    public async Task Kpis_JourneyWithoutKpis_SaysHowToAddThem()
    {
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/journeys", KpiFixtures.Journeys)
            .On(Retail + "/kpis/tree", """{"journey":"retail","cases":40,"links":[]}""")
            .On(Retail + "/kpis", KpiFixtures.NoKpis);
        await using var context = api.Context();

        var page = context.Render<KpisPage>(p => p.Add(x => x.Ws, "shop"));

        page.WaitForAssertion(() => page.Find("[data-testid=no-kpis]").TextContent.ShouldContain("kpis:"));
        page.FindAll("[data-testid=kpi-tree]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Kpis_ApiProblem_ShowsItsDetail()
    {
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/journeys", KpiFixtures.Journeys)
            .On(Retail + "/kpis", """{"title":"Invalid KPI","status":422,"detail":"Journey 'retail' has KPIs that cannot be computed."}""", HttpStatusCode.UnprocessableEntity);
        await using var context = api.Context();

        var page = context.Render<KpisPage>(p => p.Add(x => x.Ws, "shop"));

        page.WaitForAssertion(() => page.Find("[data-testid=error]").TextContent.ShouldContain("cannot be computed"));
    }

    [Fact]
    public async Task Kpis_UnknownNameInAKpi_ShowsTheKpiTheNameAndWhereToFixIt()
    {
        // Given the API rejects the journey's KPIs because one names an activity the workspace does not have
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/journeys", KpiFixtures.Journeys)
            .On(Retail + "/kpis/tree", KpiFixtures.Tree)
            .On(Retail + "/kpis", """
                {"title":"Unknown name in a KPI","status":422,"detail":"KPI 'nps' (Net Promoter Score), activity: 'NPS survy' is neither an activity of the workspace nor a touchpoint or stage of journey 'retail', so the KPI would have no data. Did you mean 'NPS survey'?","kpi":"nps","name":"NPS survy","suggestion":"NPS survey"}
                """, HttpStatusCode.UnprocessableEntity);
        await using var context = api.Context();

        // When the page opens
        var page = context.Render<KpisPage>(p => p.Add(x => x.Ws, "shop"));

        // Then the page says which KPI, which name, the did-you-mean and where to correct it
        page.WaitForAssertion(() => page.Find("[data-testid=error]").TextContent.ShouldContain("KPI 'nps' (Net Promoter Score), activity: 'NPS survy'"));
        var error = page.Find("[data-testid=error]").TextContent;
        error.ShouldContain("Did you mean 'NPS survey'?");
        error.ShouldContain("kpis: section");
    }

    [Fact]
    public async Task Voc_Loaded_ShowsSurveyTilesSentimentMomentsAndComments()
    {
        // Given
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/journeys", KpiFixtures.Journeys)
            .On("/api/v1/workspaces/shop/voc", KpiFixtures.Voc);
        await using var context = api.Context();

        // When
        var page = context.Render<VocPage>(p => p.Add(x => x.Ws, "shop"));

        // Then NPS and CSAT tiles, the sentiment bars, the moment and both example comments show, for the first valid journey
        page.WaitForAssertion(() => page.Find("[data-testid=survey-score-nps]").TextContent.ShouldBe("25.0"));
        page.Find("[data-testid=survey-nps]").TextContent.ShouldContain("25 promoters · 0 passives · 15 detractors");
        page.Find("[data-testid=survey-score-csat]").TextContent.ShouldBe("80.0%");
        page.Find("[data-testid=tile-unhappy]").TextContent.ShouldBe("37.5%");
        var bars = context.JSInterop.Invocations.Last(i => i.Identifier == "journeyscope.draw" && (string)i.Arguments[0]! == "bars");
        JsonSerializer.Serialize(bars.Arguments[3]).ShouldContain("""{"label":"Negative","value":15}""");
        var moment = page.Find("[data-testid=moments] tbody tr").TextContent;
        moment.ShouldContain("Deliver");
        moment.ShouldContain("∞");
        var comments = page.Find("[data-testid=comments]").TextContent;
        comments.ShouldContain("terrible service");
        comments.ShouldContain("×15");
        page.FindAll("a").Select(a => a.GetAttribute("href")).ShouldContain("w/shop/cases/o11");
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/voc?journey=retail");
    }

    [Theory]
    [InlineData("higherIsBetter", "CES 1-3")]
    [InlineData("lowerIsBetter", "CES 5-7")]
    public async Task Voc_CesDirectionInTheResult_DefinesUnhappyCesWithoutReadingTheJourney(string direction, string unhappy)
    {
        // Given a voice-of-the-customer result that carries the CES direction its journey declares
        var voc = KpiFixtures.Voc.Replace("\"surveyedCases\":40,", $"\"surveyedCases\":40,\"cesDirection\":\"{direction}\",", StringComparison.Ordinal);
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/journeys", KpiFixtures.Journeys)
            .On("/api/v1/workspaces/shop/voc", voc);
        await using var context = api.Context();

        // When the page opens
        var page = context.Render<VocPage>(p => p.Add(x => x.Ws, "shop"));

        // Then the unhappy CES answers follow the result's direction, and the page did not fetch the journey to parse it
        page.WaitForAssertion(() => page.Find("[data-testid=unhappy-definition]").TextContent.ShouldContain(unhappy));
        api.Requests.ShouldNotContain(r => r.StartsWith("GET /api/v1/workspaces/shop/journeys/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overview_WithJourney_ShowsConformanceAndKpiTiles()
    {
        // Given a workspace whose first valid journey has a flow and KPIs
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/summary", ApiFixtures.Summary)
            .On("/api/v1/workspaces/shop/variants", ApiFixtures.Variants)
            .On("/api/v1/workspaces/shop/bottlenecks", ApiFixtures.Bottlenecks)
            .On("/api/v1/workspaces/shop/performance", ApiFixtures.Performance)
            .On("/api/v1/workspaces/shop/journeys", KpiFixtures.Journeys)
            .On(Retail + "/conformance", ApiFixtures.Conformance)
            .On(Retail + "/kpis", KpiFixtures.Kpis);
        await using var context = api.Context();

        // When
        var page = context.Render<Overview>(p => p.Add(x => x.Ws, "shop"));

        // Then the conformance tile links to the journey page and the KPI tiles carry their status colour
        page.WaitForAssertion(() => page.Find("[data-testid=conformance-rate]").TextContent.ShouldBe("70.0%"));
        page.Find("[data-testid=tile-conformance] a").GetAttribute("href").ShouldBe("w/shop/journeys/retail");
        page.Find("[data-testid=tile-conformance]").TextContent.ShouldContain("7 of 10 cases");
        page.Find("[data-testid=kpi-status-nps]").ClassList.ShouldContain("mud-chip-color-error");
        page.Find("[data-testid=kpi-value-delivery-time]").TextContent.ShouldBe("2d12h");
        api.Requests.ShouldContain("GET /api/v1/workspaces/shop/journeys/retail/kpis?period=none");
    }

    [Fact]
    public async Task Overview_JourneyWithoutFlow_ShowsKpiTilesButNoConformanceTile()
    {
        // Given conformance fails (no flow) but KPIs exist
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/summary", ApiFixtures.Summary)
            .On("/api/v1/workspaces/shop/journeys", KpiFixtures.Journeys)
            .On(Retail + "/conformance", """{"title":"Journey without a flow","status":422,"detail":"no flow"}""", HttpStatusCode.UnprocessableEntity)
            .On(Retail + "/kpis", KpiFixtures.Kpis)
            .On("/api/v1/workspaces/shop/variants", ApiFixtures.Variants)
            .On("/api/v1/workspaces/shop/bottlenecks", ApiFixtures.Bottlenecks)
            .On("/api/v1/workspaces/shop/performance", ApiFixtures.Performance);
        await using var context = api.Context();

        // When
        var page = context.Render<Overview>(p => p.Add(x => x.Ws, "shop"));

        // Then
        page.WaitForAssertion(() => page.Find("[data-testid=kpi-value-nps]").TextContent.ShouldBe("25"));
        page.FindAll("[data-testid=tile-conformance]").ShouldBeEmpty();
        page.FindAll("[data-testid=error]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Overview_WithoutJourney_ShowsNoJourneyTiles()
    {
        // Given the journeys endpoint answers 404 (no journeys)
        var api = new FakeApi()
            .On("/api/v1/workspaces/shop/summary", ApiFixtures.Summary)
            .On("/api/v1/workspaces/shop/variants", ApiFixtures.Variants)
            .On("/api/v1/workspaces/shop/bottlenecks", ApiFixtures.Bottlenecks)
            .On("/api/v1/workspaces/shop/performance", ApiFixtures.Performance);
        await using var context = api.Context();

        // When
        var page = context.Render<Overview>(p => p.Add(x => x.Ws, "shop"));

        // Then the usual tiles show and no conformance or KPI tile, nor a skeleton left behind
        page.WaitForAssertion(() => page.Markup.ShouldContain("Register → Check → Pay"));
        page.WaitForAssertion(() => page.FindAll(".mud-skeleton").ShouldBeEmpty());
        page.FindAll("[data-testid=tile-conformance]").ShouldBeEmpty();
        page.FindAll("[data-testid^=kpi-]").ShouldBeEmpty();
        api.Requests.ShouldNotContain(r => r.Contains("/kpis", StringComparison.Ordinal));
    }
}
