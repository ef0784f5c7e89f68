using Journeyscope.EventLogs;
using Journeyscope.Performance;
using Journeyscope.Storage;
using Journeyscope.Voc;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// On the demo workspace, the CLI's <c>--format json</c> and the API give the same result record, byte for byte (docs/api.md,
/// "One contract"): performance, bottlenecks, voice of the customer, paths, retention, workspace info and cases.
/// </summary>
public sealed class DemoResultParityTests(DemoServerFixture server) : IClassFixture<DemoServerFixture>, IAsyncLifetime
{
    private const string Api = "/api/v1/workspaces/demo";

    private readonly string _cliWorkspace = Path.Combine(Path.GetTempPath(), "journeyscope-parity-cli-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Journey => Path.Combine(_cliWorkspace, "journeys", "retail.yaml");

    public async ValueTask InitializeAsync() =>
        // The same demo (fixed seed) in a folder of its own: the server holds its own workspace database open.
        await DemoWorkspace.EnsureAsync(_cliWorkspace, Token);

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_cliWorkspace, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task GetPerformance_DemoWithJourney_IsTheCliPerformanceRecordInDesignedOrder()
    {
        using var client = server.CreateClient();

        // When the value stream is read from both, in days, with the retail journey's order
        var cli = CliRunner.Json("performance", "--workspace", _cliWorkspace, "--journey", Journey, "--granularity", "day", "--format", "json");
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
        var cli = CliRunner.Json("performance", "--workspace", _cliWorkspace, "--time-basis", "wall-clock", "--format", "json");
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
        var cli = CliRunner.Json("bottlenecks", "--workspace", _cliWorkspace, "--format", "json");
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
        var cli = CliRunner.Json("voc", "--workspace", _cliWorkspace, "--journey", Journey, "--top", "5", "--format", "json");
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
}
