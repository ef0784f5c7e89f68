using System.Net;

namespace Journeyscope.Server.Tests.Api;

public sealed class KpiEndpointTests(OrdersServerFixture server) : IClassFixture<OrdersServerFixture>
{
    private const string Base = "/api/v1/workspaces/orders/journeys";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetKpis_ShopJourney_ReturnsValuesTargetsStatusesAndDefinitions()
    {
        // Given 40 orders, 25 delivered on time (promoters) and 15 late (detractors)
        using var client = server.CreateClient();

        // When the KPIs are read
        var json = await Problem.JsonAsync(await client.GetAsync($"{Base}/shop/kpis", Token));

        // Then NPS is 100 * (25 - 15) / 40 = 25 (missed >= 40) and the mean delivery time (25 * 1d + 15 * 5d) / 40 = 2.5d meets <= 3d
        json.GetProperty("journey").GetString().ShouldBe("shop");
        json.GetProperty("cases").GetInt32().ShouldBe(40);
        json.GetProperty("period").GetString().ShouldBe("month");
        var kpis = json.GetProperty("kpis").EnumerateArray().ToList();
        kpis.Select(k => k.GetProperty("id").GetString()).ShouldBe(["nps", "delivery-time"]);
        var nps = kpis[0];
        nps.GetProperty("kind").GetString().ShouldBe("nps");
        nps.GetProperty("unit").GetString().ShouldBe("netScore");
        nps.GetProperty("value").GetDouble().ShouldBe(25.0, 1e-9);
        nps.GetProperty("formattedValue").GetString().ShouldBe("25.0");
        nps.GetProperty("target").GetString().ShouldBe(">= 40");
        nps.GetProperty("status").GetString().ShouldBe("missed");
        nps.GetProperty("sampleSize").GetInt32().ShouldBe(40);
        nps.GetProperty("definition").GetString()!.ShouldContain("promoter", Case.Insensitive);
        var delivery = kpis[1];
        delivery.GetProperty("unit").GetString().ShouldBe("duration");
        delivery.GetProperty("value").GetDouble().ShouldBe(2.5 * 86400, 1e-6);
        delivery.GetProperty("formattedValue").GetString().ShouldBe("2d12h");
        delivery.GetProperty("status").GetString().ShouldBe("met");
        delivery.GetProperty("segments").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task GetKpis_MonthlyTrend_CoversMarchAndAprilAndAddsUpToTheOverallSample()
    {
        // Given orders from 2024-03-01 to 2024-04-09
        using var client = server.CreateClient();

        // When the KPIs are read per month
        var json = await Problem.JsonAsync(await client.GetAsync($"{Base}/shop/kpis?period=month", Token));

        // Then the NPS trend has March and April, every answer in one of them, each point with its own status
        var nps = json.GetProperty("kpis")[0];
        var trend = nps.GetProperty("trend").EnumerateArray().ToList();
        trend.Select(p => p.GetProperty("label").GetString()).ShouldBe(["2024-03", "2024-04"]);
        trend.Sum(p => p.GetProperty("sampleSize").GetInt32()).ShouldBe(40);
        trend[0].GetProperty("start").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));
        trend.ShouldAllBe(p => p.GetProperty("status").GetString() == "met" || p.GetProperty("status").GetString() == "missed");
    }

    [Fact]
    public async Task GetKpis_ByChannel_ReturnsOneValuePerSegment()
    {
        // Given web orders (15 on time, 5 late) and store orders (10 on time, 10 late)
        using var client = server.CreateClient();

        // When the KPIs are broken down by channel (the first channel of each case)
        var json = await Problem.JsonAsync(await client.GetAsync($"{Base}/shop/kpis?by=channel&period=none", Token));

        // Then NPS is 50 for web and 0 for store; the delivery time is 2d and 3d, both on target; no trend without a period
        json.GetProperty("by").GetString().ShouldBe("channel");
        var nps = json.GetProperty("kpis")[0];
        nps.GetProperty("trend").GetArrayLength().ShouldBe(0);
        var segments = nps.GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty("segment").GetString()!, s => s);
        segments.Keys.ShouldBe(["web", "store"], ignoreOrder: true);
        segments["web"].GetProperty("value").GetDouble().ShouldBe(50.0, 1e-9);
        segments["web"].GetProperty("status").GetString().ShouldBe("met");
        segments["store"].GetProperty("value").GetDouble().ShouldBe(0.0, 1e-9);
        segments["store"].GetProperty("sampleSize").GetInt32().ShouldBe(20);
        var delivery = json.GetProperty("kpis")[1].GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty("segment").GetString()!, s => s);
        delivery["web"].GetProperty("value").GetDouble().ShouldBe(2 * 86400.0, 1e-6);
        delivery["store"].GetProperty("value").GetDouble().ShouldBe(3 * 86400.0, 1e-6);
    }

    [Fact]
    public async Task GetKpis_Filtered_ComputesOverTheRemainingCases()
    {
        // Given a filter keeping the orders placed up to 4 March (o0-o3, all delivered on time)
        using var client = server.CreateClient();

        // When
        var json = await Problem.JsonAsync(await client.GetAsync($"{Base}/shop/kpis?period=none&filter=" + Uri.EscapeDataString("time started ..2024-03-04"), Token));

        // Then only those four cases count: all promoters, NPS 100, target met
        json.GetProperty("cases").GetInt32().ShouldBe(4);
        var nps = json.GetProperty("kpis")[0];
        nps.GetProperty("value").GetDouble().ShouldBe(100.0, 1e-9);
        nps.GetProperty("sampleSize").GetInt32().ShouldBe(4);
        nps.GetProperty("status").GetString().ShouldBe("met");
    }

    [Fact]
    public async Task GetKpis_WallClock_ComputesOnWallClockTime()
    {
        // Given timestamps all recorded in UTC, wall-clock and UTC agree
        using var client = server.CreateClient();

        // When
        var json = await Problem.JsonAsync(await client.GetAsync($"{Base}/shop/kpis?period=none&timeBasis=wall-clock", Token));

        // Then the answer says which basis it used, with the same NPS
        json.GetProperty("timeBasis").GetString().ShouldBe("wall-clock");
        json.GetProperty("period").GetString().ShouldBe("none");
        json.GetProperty("kpis")[0].GetProperty("value").GetDouble().ShouldBe(25.0, 1e-9);
    }

    [Fact]
    public async Task GetKpiTree_ShopJourney_ShowsLateDeliveryLoweringNpsSignificantly()
    {
        // Given on-time orders are all promoters and late ones all detractors
        using var client = server.CreateClient();

        // When the KPI tree is read
        var json = await Problem.JsonAsync(await client.GetAsync($"{Base}/shop/kpis/tree", Token));

        // Then NPS is 100 on target (25 cases) and -100 off target (15 cases): a significant difference of -200
        var link = json.GetProperty("links").EnumerateArray().Single();
        link.GetProperty("kpi").GetString().ShouldBe("nps");
        link.GetProperty("kpiName").GetString().ShouldBe("Net Promoter Score");
        link.GetProperty("driver").GetString().ShouldBe("delivery-time");
        link.GetProperty("driverName").GetString().ShouldBe("Order to delivery");
        link.GetProperty("onTarget").GetDouble().ShouldBe(100.0, 1e-9);
        link.GetProperty("onTargetCases").GetInt32().ShouldBe(25);
        link.GetProperty("offTarget").GetDouble().ShouldBe(-100.0, 1e-9);
        link.GetProperty("offTargetCases").GetInt32().ShouldBe(15);
        link.GetProperty("difference").GetDouble().ShouldBe(-200.0, 1e-9);
        link.GetProperty("significant").GetBoolean().ShouldBeTrue();
        link.GetProperty("formattedDifference").GetString().ShouldBe("-200.0");
        link.GetProperty("method").GetString().ShouldBe("nps-variance");
    }

    [Theory]
    [InlineData("kpis")]
    [InlineData("kpis/tree")]
    public async Task GetKpis_JourneyWithoutKpis_ReturnsAnEmptyList(string path)
    {
        using var client = server.CreateClient();
        var json = await Problem.JsonAsync(await client.GetAsync($"{Base}/plain/{path}", Token));
        json.GetProperty("journey").GetString().ShouldBe("plain");
        json.GetProperty(path == "kpis" ? "kpis" : "links").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("missing/kpis")]
    [InlineData("missing/kpis/tree")]
    public async Task GetKpis_UnknownJourney_Returns404Problem(string path)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"{Base}/{path}", Token);
        (await Problem.ReadAsync(response, HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("'missing'");
    }

    [Theory]
    [InlineData("shop/kpis?period=fortnight", "Invalid period", "fortnight")]
    [InlineData("shop/kpis?by=colour", "Unknown attribute", "channel")]
    [InlineData("shop/kpis?filter=activity%20%3D%3D", "Invalid filter", "filter")]
    [InlineData("shop/kpis?timeBasis=local", "Invalid time basis", "wall-clock")]
    [InlineData("shop/kpis/tree?filter=duration%20x..y", "Invalid filter", "filter")]
    public async Task GetKpis_BadParameter_Returns400ProblemNamingTheFix(string path, string title, string hint)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"{Base}/{path}", Token);
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe(title);
        problem.GetProperty("detail").GetString()!.ShouldContain(hint);
    }

    [Theory]
    [InlineData("kpis")]
    [InlineData("kpis/tree")]
    public async Task GetKpis_KpiNamingAnActivityNotInTheLog_Returns422NamingTheKpiAndTheClosestActivity(string path)
    {
        // Given a journey whose NPS KPI names a misspelt survey activity
        using var client = server.CreateClient();
        var yaml = OrdersServerFixture.ShopJourney.Replace("journey: shop", "journey: typo", StringComparison.Ordinal)
            .Replace("activity: NPS survey", "activity: NPS survy", StringComparison.Ordinal);
        using (var put = await client.PutAsync($"{Base}/typo", new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml"), Token))
        {
            put.EnsureSuccessStatusCode();
        }

        // When its KPIs are asked for
        using var response = await client.GetAsync($"{Base}/typo/{path}", Token);

        // Then 422 names the KPI, the unknown name and the did-you-mean, instead of a silent noData
        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("title").GetString().ShouldBe("Unknown name in a KPI");
        problem.GetProperty("detail").GetString()!.ShouldContain("KPI 'nps' (Net Promoter Score), activity: 'NPS survy'");
        problem.GetProperty("detail").GetString()!.ShouldContain("Did you mean 'NPS survey'?");
        problem.GetProperty("kpi").GetString().ShouldBe("nps");
        problem.GetProperty("suggestion").GetString().ShouldBe("NPS survey");
    }

    [Fact]
    public async Task GetKpis_SliceWithoutTheSurveyActivity_IsNoDataNotAnError()
    {
        // Given the shop journey, whose NPS names the survey, and a filter that keeps no survey event
        using var client = server.CreateClient();

        // When its KPIs are asked for on that slice
        var json = await Problem.JsonAsync(await client.GetAsync($"{Base}/shop/kpis?filter=activity%20in%20(Order,Deliver)", Token));

        // Then the survey name is known, so NPS has no data
        var nps = json.GetProperty("kpis").EnumerateArray().First(k => k.GetProperty("id").GetString() == "nps");
        nps.GetProperty("status").GetString().ShouldBe("noData");
    }
}
