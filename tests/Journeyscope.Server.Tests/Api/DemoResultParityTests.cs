using System.Net.Http.Json;
using Journeyscope.Cases;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;
using Journeyscope.Performance;
using Journeyscope.Results;
using Journeyscope.Segments;
using Journeyscope.Storage;
using Journeyscope.Voc;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// On the demo workspace, the CLI's <c>--format json</c> and the API give the same result record, byte for byte (docs/api.md,
/// "One contract"): performance, bottlenecks, voice of the customer, paths, retention, workspace info and cases.
/// </summary>
public sealed class DemoResultParityTests(DemoServerFixture server, CliDemoWorkspace demo) : IClassFixture<DemoServerFixture>
{
    private const string Api = "/api/v1/workspaces/demo";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string CliWorkspace => demo.Folder;

    private string Journey => demo.Journey;

    [Fact]
    public async Task GetPerformance_DemoWithJourney_IsTheCliPerformanceRecordInDesignedOrder()
    {
        using var client = server.CreateClient();

        // When the value stream is read from both, in days, with the retail journey's order
        var cli = CliRunner.Json("performance", "--workspace", CliWorkspace, "--journey", Journey, "--granularity", "day", "--format", "json");
        var result = await ContractParity.SameAsync<PerformanceResult>(await client.GetAsync($"{Api}/performance?journey=retail&granularity=day", Token), cli);

        // Then both are the same record: steps in the journey's designed order, durations in seconds, words of the contract
        result.StepOrder.ShouldBe(StepOrder.DesignedJourney);
        result.Journey.ShouldBe("retail");
        result.Granularity.ShouldBe(Granularity.Day);
        result.Activities.Count.ShouldBeGreaterThan(3);
        result.Throughput.ShouldNotBeEmpty();
        cli.ShouldContain("\"stepOrder\": \"designedJourney\"");
        cli.ShouldContain("\"granularity\": \"day\"");
    }

    [Fact]
    public async Task GetPerformance_DemoWallClockNoJourney_IsTheCliRecordInDominantVariantOrder()
    {
        using var client = server.CreateClient();

        // When the value stream is read from both without a journey, in wall-clock time
        var cli = CliRunner.Json("performance", "--workspace", CliWorkspace, "--time-basis", "wall-clock", "--format", "json");
        var result = await ContractParity.SameAsync<PerformanceResult>(await client.GetAsync($"{Api}/performance?timeBasis=wall-clock", Token), cli);

        // Then the steps follow the dominant variant, in the time basis asked for
        result.TimeBasis.ShouldBe(TimeBasis.WallClock);
        result.StepOrder.ShouldBe(StepOrder.DominantVariant);
        result.Journey.ShouldBeNull();
        result.Granularity.ShouldBe(Granularity.Week);
    }

    [Fact]
    public async Task GetBottlenecks_Demo_IsTheCliBottlenecksRecord()
    {
        using var client = server.CreateClient();

        // When the bottlenecks are read from both with the default number shown
        var cli = CliRunner.Json("bottlenecks", "--workspace", CliWorkspace, "--format", "json");
        var result = await ContractParity.SameAsync<BottlenecksResult>(await client.GetAsync($"{Api}/bottlenecks", Token), cli);

        // Then both rank the same hand-overs, costliest first, shares as fractions
        result.Bottlenecks.Count.ShouldBe(BottlenecksResult.DefaultTop);
        result.Bottlenecks.Select(b => b.Rank).ShouldBe(Enumerable.Range(1, BottlenecksResult.DefaultTop));
        result.Bottlenecks.ShouldAllBe(b => b.Share > 0 && b.Share <= 1);
    }

    [Fact]
    public async Task GetVoc_DemoWithJourney_IsTheCliVocRecord()
    {
        using var client = server.CreateClient();

        // When the voice of the customer is read from both with the retail journey and 5 moments
        var cli = CliRunner.Json("voc", "--workspace", CliWorkspace, "--journey", Journey, "--top", "5", "--format", "json");
        var result = await ContractParity.SameAsync<VocResult>(await client.GetAsync($"{Api}/voc?journey=retail&top=5", Token), cli);

        // Then surveys, sentiment, example comments and moments are one record, scales and labels in the contract's words
        result.Journey.ShouldBe("retail");
        result.Surveys.Select(s => s.Scale).ShouldBe([SurveyScale.Nps, SurveyScale.Csat, SurveyScale.Ces], ignoreOrder: true);
        result.Moments.Count.ShouldBe(5);
        result.NegativeComments.Count.ShouldBe(VocResult.DefaultExamples);
        result.Sentiment.Scorer.ShouldBe("lexicon");
        cli.ShouldContain("\"scale\": \"nps\"");
        cli.ShouldContain("\"sentiment\": \"negative\"");
    }

    [Fact]
    public async Task GetPaths_DemoBetweenTwoSteps_IsTheCliPathsRecord()
    {
        using var client = server.CreateClient();
        var (first, last) = await DominantEndsAsync(client);

        // When the paths between the dominant variant's first and last steps are read from both
        var cli = CliRunner.Json("paths", "--workspace", CliWorkspace, "--from", first, "--to", last, "--depth", "4", "--format", "json");
        var query = $"{Api}/paths?from={Uri.EscapeDataString(first)}&to={Uri.EscapeDataString(last)}&depth=4";
        var result = await ContractParity.SameAsync<PathsResult>(await client.GetAsync(query, Token), cli);

        // Then both walk forward from the first step to the last in the contract's words, with the default width
        result.Direction.ShouldBe(PathDirection.Forward);
        (result.Anchor, result.Target, result.Top).ShouldBe((first, last, PathOptions.DefaultTop));
        result.Nodes.ShouldContain(n => n.Kind == PathNodeKind.Target);
        cli.ShouldContain("\"direction\": \"next\"");
    }

    [Fact]
    public async Task GetPaths_DemoToAStep_IsTheCliRecordWalkingBackward()
    {
        using var client = server.CreateClient();
        var (_, last) = await DominantEndsAsync(client);

        // When only the end step is given, to both
        var cli = CliRunner.Json("paths", "--workspace", CliWorkspace, "--to", last, "--format", "json");
        var result = await ContractParity.SameAsync<PathsResult>(await client.GetAsync($"{Api}/paths?to={Uri.EscapeDataString(last)}", Token), cli);

        // Then both walk backward (one rule: PathOptions.For)
        result.Direction.ShouldBe(PathDirection.Backward);
        result.Depth.ShouldBe(PathOptions.DefaultDepth);
        cli.ShouldContain("\"direction\": \"previous\"");
    }

    [Fact]
    public async Task GetRetention_DemoMonthlyWithChurn_IsTheCliRetentionTable()
    {
        using var client = server.CreateClient();

        // When monthly retention with 30 days of inactivity as churn is read from both
        var cli = CliRunner.Json("retention", "--workspace", CliWorkspace, "--period", "month", "--periods", "3", "--churn-after", "30d", "--format", "json");
        var result = await ContractParity.SameAsync<RetentionTable>(
            await client.GetAsync($"{Api}/retention?cohort=month&periods=3&churn=inactive:30d", Token), cli);

        // Then both are the same table: cohorts apart from the total, the churn rule in one canonical text
        result.Period.ShouldBe(CohortPeriod.Month);
        result.Cohort.ShouldBe("month");
        result.Churn.ShouldBe("inactive:4w2d");
        result.Cohorts.ShouldNotBeEmpty();
        result.Cohorts.ShouldAllBe(c => c.Rates.Count == 4);
        result.Total.Cohort.ShouldBe("all");
        result.Total.Cases.ShouldBe(result.Cohorts.Sum(c => c.Cases));
    }

    [Fact]
    public async Task GetWorkspace_DemoWallClock_IsTheCliInfoRecord()
    {
        using var client = server.CreateClient();

        // When the workspace is described by both in the wall-clock time basis
        var response = await client.GetAsync($"{Api}?timeBasis=wall-clock", Token);
        var apiJson = await response.Content.ReadAsStringAsync(Token);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, apiJson);
        var cliJson = CliRunner.Json("info", "--workspace", CliWorkspace, "--time-basis", "wall-clock", "--format", "json");

        // Then each side's JSON is exactly the record, and they agree on everything but what names the workspace and its imports
        var api = ContractParity.Same<WorkspaceDetails>(apiJson, apiJson);
        var cli = ContractParity.Same<WorkspaceDetails>(cliJson, cliJson);
        Comparable(cli).ShouldBe(Comparable(api));
        api.TimeBasis.ShouldBe(TimeBasis.WallClock);
        api.Journeys.ShouldContain("retail");
        api.Attributes.ShouldNotBeEmpty();
        cliJson.ShouldContain("\"scope\": \"case\"");

        static string Comparable(WorkspaceDetails d) => System.Text.Json.JsonSerializer.Serialize(
            d with { Name = "", Version = 0, Sources = [.. d.Sources.Select(s => s with { ImportedAt = default })] }, ResultJson.Options);
    }

    [Fact]
    public async Task GetCases_DemoVariantAndOneCase_AreTheCoreRecordsOfTheSameEvents()
    {
        using var client = server.CreateClient();

        // Given the same demo events read by the library from the CLI's workspace
        using var workspace = Workspace.Open(CliWorkspace, create: false);
        var log = workspace.LoadEventLog(Token);

        // When the cases of the second variant, and the first of them, are read from the API
        var page = await ContractParity.SameAsync<CasesPage>(await client.GetAsync($"{Api}/cases?variant=2&pageSize=5", Token),
            Serialize(CasesPage.List(log, variant: 2, pageSize: 5, cancellationToken: Token)));
        var id = page.Cases[0].CaseId;
        var details = await ContractParity.SameAsync<CaseDetails>(await client.GetAsync($"{Api}/cases/{Uri.EscapeDataString(id)}", Token),
            Serialize(CaseDetails.Find(log, id).ShouldNotBeNull()));

        // Then both are the records Core builds from those events, byte for byte
        page.Cases.Count.ShouldBe(5);
        page.Total.ShouldBeGreaterThan(5);
        details.Events.Select(e => e.Activity).ShouldBe(page.Cases[0].Activities);
        details.TimeBasis.ShouldBe(TimeBasis.Utc);
    }

    private static string Serialize<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, ResultJson.Options);

    private static async Task<(string First, string Last)> DominantEndsAsync(HttpClient client)
    {
        var variants = await client.GetFromJsonAsync<VariantsResult>($"{Api}/variants?top=1", ResultJson.Options, Token);
        var activities = variants.ShouldNotBeNull().Variants[0].Activities;
        return (activities[0], activities[^1]);
    }
}
