using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Journeyscope.Server.Tests.Api;

public sealed class AnalysisEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProcessMap_ShopLog_MatchesApprovedSnapshot()
    {
        // Given the hand-made shop log
        using var client = server.CreateClient();

        // When the full map is requested
        using var response = await client.GetAsync("/api/v1/workspaces/shop/process-map", Token);

        // Then the JSON the Cytoscape map draws is exactly the approved one
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Approval.VerifyJson(await response.Content.ReadAsStringAsync(Token), "process-map.shop");
    }

    [Fact]
    public async Task ProcessMap_ShopLog_CountsAndTimesAreTheDfgOfTheLog()
    {
        // Given the shop log: Register→Check in c1, c2, c3 (1 h, 30 min, 2 h: mean 70 min, median 1 h), Check→Check once in c3
        using var client = server.CreateClient();

        // When the map is requested
        var map = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/process-map", Token));

        // Then nodes and edges carry the counts and times of the log
        map.GetProperty("nodes").GetArrayLength().ShouldBe(4);
        var edge = Find(map.GetProperty("edges"), "id", "Register→Check");
        edge.GetProperty("count").GetInt64().ShouldBe(3);
        edge.GetProperty("meanSeconds").GetDouble().ShouldBe(4200);
        edge.GetProperty("medianSeconds").GetDouble().ShouldBe(3600);
        edge.GetProperty("totalSeconds").GetDouble().ShouldBe(12600);
        var check = Find(map.GetProperty("nodes"), "id", "Check");
        check.GetProperty("events").GetInt64().ShouldBe(4);
        check.GetProperty("reworkCases").GetInt64().ShouldBe(1);
        check.GetProperty("totalWaitSeconds").GetDouble().ShouldBe(12600 + 3600);
        Find(map.GetProperty("starts"), "activity", "Register").GetProperty("count").GetInt64().ShouldBe(4);
    }

    [Fact]
    public async Task ProcessMap_ActivitySlider_HidesRareActivitiesAndReconnects()
    {
        // Given the shop log, where Reject has 1 of 11 events
        using var client = server.CreateClient();

        // When the activity slider keeps 80% of events
        var map = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/process-map?activities=0.8", Token));

        // Then Reject is hidden and counted as hidden
        map.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ShouldNotContain("Reject");
        map.GetProperty("sliders").GetProperty("hiddenActivities").GetInt32().ShouldBeGreaterThan(0);
        map.GetProperty("sliders").GetProperty("activities").GetDouble().ShouldBe(0.8);
    }

    [Fact]
    public async Task Variants_ShopLog_MatchesApprovedSnapshot()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/api/v1/workspaces/shop/variants?top=10", Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Approval.VerifyJson(await response.Content.ReadAsStringAsync(Token), "variants.shop");
    }

    [Fact]
    public async Task Variants_Top1_ReturnsOneButCountsAll()
    {
        using var client = server.CreateClient();
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/variants?top=1", Token));
        json.GetProperty("variants").GetArrayLength().ShouldBe(1);
        json.GetProperty("variantCount").GetInt64().ShouldBe(4);
        json.GetProperty("cases").GetInt64().ShouldBe(4);
    }

    [Fact]
    public async Task Summary_WithFilter_CountsOnlyMatchingCases()
    {
        // Given the shop log, where only c1 and c3 reach Approve
        using var client = server.CreateClient();

        // When the summary is filtered to cases with Approve
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/summary?filter=" + Uri.EscapeDataString("ends with Approve"), Token));

        // Then it counts those two cases and their seven events
        json.GetProperty("cases").GetInt64().ShouldBe(2);
        json.GetProperty("events").GetInt64().ShouldBe(7);
        json.GetProperty("timeBasis").GetString().ShouldBe("utc");
        json.GetProperty("caseDurationSeconds").GetProperty("max").GetDouble().ShouldBe(6 * 3600);
    }

    [Fact]
    public async Task Summary_NoFilter_CountsTheWholeLog()
    {
        using var client = server.CreateClient();
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/summary?timeBasis=wall-clock", Token));
        json.GetProperty("cases").GetInt64().ShouldBe(4);
        json.GetProperty("events").GetInt64().ShouldBe(11);
        json.GetProperty("variants").GetInt64().ShouldBe(4);
        json.GetProperty("timeBasis").GetString().ShouldBe("wall-clock");
        json.GetProperty("activities")[0].GetProperty("name").GetString().ShouldBe("Check");
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("process-map")]
    [InlineData("variants")]
    [InlineData("performance")]
    [InlineData("bottlenecks")]
    [InlineData("cases")]
    public async Task AnalysisEndpoint_InvalidFilter_Returns400ProblemWithPosition(string endpoint)
    {
        // Given a filter with a typo
        using var client = server.CreateClient();

        // When an analysis is requested with it
        using var response = await client.GetAsync($"/api/v1/workspaces/shop/{endpoint}?filter=" + Uri.EscapeDataString("activty in (A)"), Token);

        // Then a 400 ProblemDetails carries the parser's message and position
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("position 1");
        problem.GetProperty("position").GetInt32().ShouldBe(0);
        problem.GetProperty("filter").GetString().ShouldBe("activty in (A)");
    }

    [Theory]
    [InlineData("process-map?timeBasis=local", "timeBasis")]
    [InlineData("process-map?activities=1.5", "activities")]
    [InlineData("process-map?paths=-1", "paths")]
    [InlineData("variants?top=0", "top")]
    [InlineData("bottlenecks?top=-3", "top")]
    [InlineData("performance?granularity=month", "granularity")]
    public async Task AnalysisEndpoint_BadParameter_Returns400ProblemNamingIt(string query, string parameter)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"/api/v1/workspaces/shop/{query}", Token);
        (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain(parameter);
    }

    [Fact]
    public async Task Performance_ShopLog_ReportsLeadTimeAndHandovers()
    {
        // Given the shop log without start times
        using var client = server.CreateClient();

        // When the value stream is requested
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/performance?granularity=day", Token));

        // Then lead time is the sum of case durations (3 h + 2 h + 6 h + 0) and processing time is unknown
        json.GetProperty("leadTimeSeconds").GetProperty("total").GetDouble().ShouldBe(11 * 3600);
        json.GetProperty("processingFrom").GetString().ShouldBe("none");
        json.GetProperty("processingTimeSeconds").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("flowEfficiency").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("handovers").EnumerateArray().ShouldContain(h => h.GetProperty("from").GetString() == "Register" && h.GetProperty("to").GetString() == "Check");
        json.GetProperty("granularity").GetString().ShouldBe("day");
        json.GetProperty("throughput").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Bottlenecks_ShopLog_RanksTheCostliestHandoverFirst()
    {
        // Given the shop log: Register→Check waits 3.5 h in total, Check→Approve 5 h (2 h + 3 h)
        using var client = server.CreateClient();

        // When the bottlenecks are requested
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/shop/bottlenecks?top=2", Token));

        // Then Check→Approve is first
        var first = json.GetProperty("bottlenecks")[0];
        first.GetProperty("rank").GetInt32().ShouldBe(1);
        (first.GetProperty("from").GetString(), first.GetProperty("to").GetString()).ShouldBe(("Check", "Approve"));
        first.GetProperty("totalWaitingSeconds").GetDouble().ShouldBe(5 * 3600);
        json.GetProperty("bottlenecks").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task ProcessMap_AfterAnotherImport_ReflectsTheNewVersion()
    {
        // Given a workspace whose map was computed (and cached)
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "growing" }, Token)).Dispose();
        (await client.PostAsync("/api/v1/workspaces/growing/imports", ServerFixture.Upload("case_id,activity,timestamp\na,X,2024-01-01T00:00:00Z\n", "1.csv"), Token)).Dispose();
        var before = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/growing/process-map", Token));

        // When another file is imported
        (await client.PostAsync("/api/v1/workspaces/growing/imports", ServerFixture.Upload("case_id,activity,timestamp\nb,Y,2024-01-02T00:00:00Z\n", "2.csv"), Token)).Dispose();
        var after = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/growing/process-map", Token));

        // Then the map shows the new events, not the cached old log
        before.GetProperty("nodes").GetArrayLength().ShouldBe(1);
        after.GetProperty("nodes").GetArrayLength().ShouldBe(2);
        after.GetProperty("version").GetInt64().ShouldBeGreaterThan(before.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task ProcessMap_RealReceiptLog_HasOneNodePerActivityAndTheReferenceEdgeCount()
    {
        // Given the real receipt log imported through the API (skipped when the shared data is missing)
        var path = Journeyscope.TestSupport.SharedData.Path("logs/receipt.xes.gz");
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "receipt" }, Token)).Dispose();
        var imported = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/receipt/imports",
            ServerFixture.Upload(await File.ReadAllBytesAsync(path, Token), "receipt.xes.gz"), Token));
        imported.GetProperty("summary").GetProperty("format").GetString().ShouldBe("xes");

        // When the full map and the summary are requested
        var map = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/receipt/process-map?timeBasis=wall-clock", Token));
        var summary = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/receipt/summary", Token));

        // Then every case is there, every activity is a node and edge counts add up to the transitions of the log
        summary.GetProperty("cases").GetInt64().ShouldBe(1434);
        map.GetProperty("nodes").GetArrayLength().ShouldBe((int)summary.GetProperty("activityCount").GetInt64());
        var transitions = summary.GetProperty("events").GetInt64() - summary.GetProperty("cases").GetInt64();
        map.GetProperty("edges").EnumerateArray().Sum(e => e.GetProperty("count").GetInt64()).ShouldBe(transitions);
    }

    private static JsonElement Find(JsonElement array, string key, string value) =>
        array.EnumerateArray().Single(e => e.GetProperty(key).GetString() == value);
}
