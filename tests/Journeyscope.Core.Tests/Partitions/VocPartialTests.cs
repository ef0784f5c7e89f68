using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using Journeyscope.Journeys;
using Journeyscope.Voc;

namespace Journeyscope.Core.Tests.Partitions;

public sealed class VocPartialTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static readonly DesignedJourney Journey = new("shop", "Shop", null, null, [], DesignedJourney.DefaultStages,
    [
        new Touchpoint("cart", "Cart", "purchase", BlueprintLane.CustomerAction, null, null, new TouchpointRule(["Add to cart", "Checkout"], null, [])),
        new Touchpoint("app-order", "App order", "purchase", BlueprintLane.CustomerAction, null, null, new TouchpointRule([], "Ord.*", ["event.device == app"])),
        new Touchpoint("gold-call", "Gold call", "support", BlueprintLane.Frontstage, null, null, new TouchpointRule(["Support call"], null, ["case.segment in (gold)"])),
        new Touchpoint("nps", "NPS", "loyalty", BlueprintLane.CustomerAction, null, null, new TouchpointRule(["NPS survey"], null, [])),
    ], null, [], [], []);

    [Fact]
    public void Finish_AnyPartitioning_EqualsWholeLogVoc()
    {
        Gen.Select(Gen.Int, Gen.Int[0, AnalysisLogs.PartitionCounts.Length - 1]).Sample((seed, partitionIndex) =>
        {
            // Given a random log with surveys and comments, random options, and a split into 1, 2, 7 or 64 partitions
            var random = new Random(seed);
            var log = AnalysisLogs.Random(random, 150);
            var options = Options(random);

            // When the analysis is mapped per segment, merged and finished
            var partial = AnalysisLogs.Partitioned(VocPartial.Cache(options), log, AnalysisLogs.PartitionCounts[partitionIndex]);

            // Then the report and the example comments equal the whole log's, to the bit
            var whole = VocAnalysis.Analyze(log, options, TestContext.Current.CancellationToken);
            JsonSerializer.Serialize(partial.Finish(TestContext.Current.CancellationToken), Exact).ShouldBe(JsonSerializer.Serialize(whole, Exact));
            var examples = random.Next(6);
            JsonSerializer.Serialize(partial.FinishComments(examples), Exact)
                .ShouldBe(JsonSerializer.Serialize(ExampleComments.Find(log, options, examples, TestContext.Current.CancellationToken), Exact));
            partial.CaseCount.ShouldBe(log.CaseCount);
        });
    }

    [Fact]
    public void Finish_WholeLogWithMoments_FindsMoments()
    {
        // Given a large random log and a low minimum of cases
        var log = AnalysisLogs.Random(new Random(11), 2000);
        var options = new VocOptions { MinimumCases = 2, Journey = Journey };

        // When it is analysed in 7 partitions
        var report = AnalysisLogs.Partitioned(VocPartial.Cache(options), log, 7).Finish(TestContext.Current.CancellationToken);

        // Then there are surveys, sentiment and moments to compare (the property above is not vacuous)
        report.Surveys.Count.ShouldBeGreaterThan(2);
        report.Sentiment.Comments.ShouldBeGreaterThan(0);
        report.Moments.ShouldContain(m => m.Kind == "touchpoint");
        report.Moments.ShouldContain(m => m.Kind == "wait");
        JsonSerializer.Serialize(report, Exact).ShouldBe(JsonSerializer.Serialize(VocAnalysis.Analyze(log, options, TestContext.Current.CancellationToken), Exact));
    }

    private static VocOptions Options(Random random) => new()
    {
        MinimumCases = random.Next(4) == 0 ? 10 : 1 + random.Next(3),
        LongWait = random.Next(4) == 0 ? TimeSpan.FromHours(1 + random.Next(48)) : null,
        Journey = random.Next(2) == 0 ? Journey : null,
        CesDirection = random.Next(3) == 0 ? ScoreDirection.HigherIsBetter : null,
        Scales = random.Next(4) == 0 ? new Dictionary<string, SurveyScale> { ["Stars"] = SurveyScale.Csat } : new Dictionary<string, SurveyScale>(),
        ScoreAttribute = random.Next(10) == 0 ? "amount" : "score",
    };
}
