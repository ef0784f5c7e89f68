using System.Text.Json;
using Journeyscope.Conformance;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Kpis;

namespace Journeyscope.Server.Tests.Api;

/// <summary>On the demo workspace, the API and the CLI give the same result records (KPIs, KPI tree, variants, process map, conformance), the summary the counts of <c>info</c> and the same VoC figures.</summary>
public sealed class DemoCliEqualityTests(DemoServerFixture server, CliDemoWorkspace demo) : IClassFixture<DemoServerFixture>
{
    private const string Api = "/api/v1/workspaces/demo";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string CliWorkspace => demo.Folder;

    private string Journey => demo.Journey;

    [Fact]
    public async Task GetKpis_DemoDefaultPeriod_IsTheCliKpiRecord()
    {
        // Given the demo workspace served and the same demo for the CLI
        using var client = server.CreateClient();

        // When the KPIs are read from both with no period given (one default: month)
        var cli = CliRunner.Json("kpi", "--workspace", CliWorkspace, "--journey", Journey, "--format", "json");
        var kpis = await ContractParity.SameAsync<JourneyKpis>(await client.GetAsync($"{Api}/journeys/retail/kpis", Token), cli);

        // Then both are the same JourneyKpis record, per month, with the contract's status words
        kpis.Period.ShouldBe(KpiPeriod.Month);
        kpis.Kpis.Count.ShouldBeGreaterThan(5);
        kpis.Kpis.ShouldAllBe(k => k.Trend.Count > 1);
        cli.ShouldContain("\"status\": \"met\"");
        cli.ShouldNotContain("no data");
    }

    [Fact]
    public async Task GetKpis_DemoByChannel_IsTheCliKpiRecord()
    {
        using var client = server.CreateClient();

        // When the KPIs are broken down by channel in both
        var cli = CliRunner.Json("kpi", "--workspace", CliWorkspace, "--journey", Journey, "--period", "none", "--by", "channel", "--format", "json");
        var kpis = await ContractParity.SameAsync<JourneyKpis>(await client.GetAsync($"{Api}/journeys/retail/kpis?period=none&by=channel", Token), cli);

        // Then every segment of every KPI agrees, byte for byte
        kpis.Kpis.Sum(k => k.Segments.Count).ShouldBeGreaterThan(kpis.Kpis.Count);
    }

    [Fact]
    public async Task GetKpiTree_Demo_IsTheCliKpiTreeRecord()
    {
        using var client = server.CreateClient();

        // When the KPI tree is read from both
        var cli = CliRunner.Json("kpi", "--workspace", CliWorkspace, "--journey", Journey, "--tree", "--format", "json");
        var tree = await ContractParity.SameAsync<JourneyKpiTree>(await client.GetAsync($"{Api}/journeys/retail/kpis/tree", Token), cli);

        // Then every link has the same groups, difference and interval (the bootstrap is seeded)
        tree.Links.Count.ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task GetVariants_DemoWallClock_IsTheCliVariantsRecord()
    {
        using var client = server.CreateClient();

        // When the variants are read from both in the wall-clock time basis with the default number shown
        var cli = CliRunner.Json("variants", "--workspace", CliWorkspace, "--time-basis", "wall-clock", "--format", "json");
        var variants = await ContractParity.SameAsync<VariantsResult>(await client.GetAsync($"{Api}/variants?timeBasis=wall-clock", Token), cli);

        // Then both are the same record, named in the contract's words
        variants.TimeBasis.ShouldBe(TimeBasis.WallClock);
        cli.ShouldContain("\"timeBasis\": \"wall-clock\"");
        variants.Variants.Count.ShouldBe((int)Math.Min(variants.VariantCount, VariantsResult.DefaultTop));
    }

    [Fact]
    public async Task GetProcessMap_DemoWithSliders_IsTheCliDiscoverRecord()
    {
        using var client = server.CreateClient();

        // When the map is read from both with both sliders moved
        var cli = CliRunner.Json("discover", "--workspace", CliWorkspace, "--activities", "0.8", "--paths", "0.5", "--format", "json");
        var map = await ContractParity.SameAsync<ProcessMapResult>(await client.GetAsync($"{Api}/process-map?activities=0.8&paths=0.5", Token), cli);

        // Then both are the same record, durations in seconds and the sliders' settings echoed
        map.Sliders.Activities.ShouldBe(0.8);
        map.Sliders.Paths.ShouldBe(0.5);
        map.Sliders.HiddenActivities.ShouldBeGreaterThan(0);
        map.Edges.ShouldNotBeEmpty();
        map.Nodes.ShouldAllBe(n => n.Events > 0);
        cli.ShouldContain("\"meanSeconds\": ");
    }

    [Fact]
    public async Task GetSummary_Demo_IsTheLogSummaryRecordWithTheCliInfoCounts()
    {
        using var client = server.CreateClient();

        // When the summary is read from the API and the workspace counts from journeyscope info
        var response = await client.GetAsync($"{Api}/summary", Token);
        var json = await response.Content.ReadAsStringAsync(Token);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, json);
        using var info = JsonDocument.Parse(CliRunner.Json("info", "--workspace", CliWorkspace, "--format", "json"));

        // Then the API's JSON is exactly the Core record, durations in seconds, and its counts are the CLI's
        var summary = ContractParity.Same<LogSummary>(json, json);
        summary.TimeBasis.ShouldBe(TimeBasis.Utc);
        summary.CaseDurationSeconds.Median.ShouldBeGreaterThan(0);
        var root = info.RootElement;
        (summary.Cases, summary.Events, summary.ActivityCount, summary.Variants).ShouldBe((
            root.GetProperty("cases").GetInt64(), root.GetProperty("events").GetInt64(),
            root.GetProperty("activities").GetInt64(), root.GetProperty("variants").GetInt64()));
    }

    [Fact]
    public async Task GetConformance_Demo_IsTheCliConformanceRecord()
    {
        using var client = server.CreateClient();

        // When the demo's cases are checked against the retail journey by both, with the default number of patterns
        var cli = CliRunner.Json("conformance", "--workspace", CliWorkspace, "--journey", Journey, "--format", "json");
        var result = await ContractParity.SameAsync<JourneyConformanceResult>(await client.GetAsync($"{Api}/journeys/retail/conformance", Token), cli);

        // Then both are the same record: rates, touchpoint statuses (thresholds in Core), patterns with their deviations
        result.Cases.ShouldBeGreaterThan(100);
        result.Patterns.Count.ShouldBe(Math.Min(result.PatternCount, JourneyConformanceResult.DefaultTop));
        result.Touchpoints.ShouldAllBe(t => t.Status == TouchpointConformance.StatusOf(t.DeviationRate));
    }

    [Fact]
    public async Task GetVoc_DemoWithJourney_ReadsCesAsTheJourneysCesTargetDoes()
    {
        using var client = server.CreateClient();

        // Given the demo journey's CES KPI, whose target (>= 5.5) declares higher answers better
        var kpis = await ContractParity.SameAsync<JourneyKpis>(
            await client.GetAsync($"{Api}/journeys/retail/kpis", Token),
            CliRunner.Json("kpi", "--workspace", CliWorkspace, "--journey", Journey, "--format", "json"));
        kpis.Kpis.Single(k => k.Id == "ces").Target.ShouldBe(">= 5.5");

        // When the voice of the customer is read with that journey, as the VoC page does
        var voc = await Problem.JsonAsync(await client.GetAsync($"{Api}/voc?journey=retail", Token));

        // Then CES answers of 5-7 count as positive (low effort), not as the negatives the lower-is-better default reads
        var ces = voc.GetProperty("surveys").EnumerateArray().Single(s => s.GetProperty("scale").GetString() == "ces");
        ces.GetProperty("score").GetDouble().ShouldBeGreaterThan(5);
        ces.GetProperty("positive").GetInt32().ShouldBeGreaterThan(ces.GetProperty("negative").GetInt32());
        using var cli = JsonDocument.Parse(CliRunner.Json("voc", "--workspace", CliWorkspace, "--journey", Journey, "--format", "json"));
        var cliCes = cli.RootElement.GetProperty("surveys").EnumerateArray().Single(s => s.GetProperty("scale").GetString() == "ces");
        cliCes.GetProperty("positive").GetInt32().ShouldBe(ces.GetProperty("positive").GetInt32());
    }

    [Fact]
    public async Task GetVoc_Demo_EqualsTheCliVocCommand()
    {
        using var client = server.CreateClient();

        // When the voice of the customer is read from both
        var api = await Problem.JsonAsync(await client.GetAsync($"{Api}/voc?top=10", Token));
        using var cli = JsonDocument.Parse(CliRunner.Json("voc", "--workspace", CliWorkspace, "--top", "10", "--format", "json"));

        // Then surveys, sentiment and moments agree
        var root = cli.RootElement;
        api.GetProperty("surveyedCases").GetInt32().ShouldBe(root.GetProperty("surveyedCases").GetInt32());
        api.GetProperty("unhappyCases").GetInt32().ShouldBe(root.GetProperty("unhappyCases").GetInt32());
        var surveys = api.GetProperty("surveys").EnumerateArray().ToList();
        surveys.Count.ShouldBe(3);
        foreach (var (a, c) in surveys.Zip(root.GetProperty("surveys").EnumerateArray()))
        {
            a.GetProperty("survey").GetString().ShouldBe(c.GetProperty("survey").GetString());
            a.GetProperty("scale").GetString().ShouldBe(c.GetProperty("scale").GetString());
            a.GetProperty("answers").GetInt32().ShouldBe(c.GetProperty("answers").GetInt32());
            a.GetProperty("score").GetDouble().ShouldBe(c.GetProperty("score").GetDouble());
            (a.GetProperty("positive").GetInt32(), a.GetProperty("middle").GetInt32(), a.GetProperty("negative").GetInt32())
                .ShouldBe((c.GetProperty("positive").GetInt32(), c.GetProperty("middle").GetInt32(), c.GetProperty("negative").GetInt32()));
        }

        var sentiment = root.GetProperty("sentiment");
        foreach (var key in new[] { "comments", "positive", "neutral", "negative" })
        {
            api.GetProperty("sentiment").GetProperty(key).GetInt32().ShouldBe(sentiment.GetProperty(key).GetInt32(), key);
        }

        var moments = api.GetProperty("moments").EnumerateArray().ToList();
        moments.Select(m => m.GetProperty("kind").GetString() + ":" + m.GetProperty("name").GetString())
            .ShouldBe(root.GetProperty("moments").EnumerateArray().Select(m => m.GetProperty("kind").GetString() + ":" + m.GetProperty("name").GetString()));
        foreach (var (a, c) in moments.Zip(root.GetProperty("moments").EnumerateArray()))
        {
            a.GetProperty("difference").GetDouble().ShouldBe(c.GetProperty("difference").GetDouble());
            a.GetProperty("lower").GetDouble().ShouldBe(c.GetProperty("lower").GetDouble());
        }
    }
}
