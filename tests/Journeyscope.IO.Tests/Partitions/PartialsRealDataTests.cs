using System.Text.Json;
using System.Text.Json.Serialization;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;
using Journeyscope.Partitions;
using Journeyscope.Performance;
using Journeyscope.TestSupport;
using Journeyscope.Voc;

namespace Journeyscope.IO.Tests.Partitions;

/// <summary>The partials of funnels, throughput and VoC over real logs split into partitions equal the whole log's results.</summary>
public sealed class PartialsRealDataTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Theory]
    [InlineData(7)]
    [InlineData(64)]
    public void Funnel_ReceiptLogPartitioned_EqualsWholeLog(int partitions)
    {
        // Given the real receipt log and its intake funnel broken down by channel
        var log = XesImporter.Import(SharedData.Path("logs/receipt.xes.gz"), cancellationToken: TestContext.Current.CancellationToken).Log;
        var definition = new FunnelDefinition(
        [
            new FunnelStep("Confirmation of receipt"), new FunnelStep("T02 Check confirmation of receipt"),
            new FunnelStep("T04 Determine confirmation of receipt"), new FunnelStep("T05 Print and send confirmation of receipt"),
        ])
        { Breakdown = "channel", Window = TimeSpan.FromDays(30) };

        // When it is computed per partition and merged
        var partitioned = FunnelPartial.Cache(definition).Merge(PartitionedEventLog.Create(log, null, partitions, 1), -1, TestContext.Current.CancellationToken).Finish();

        // Then the report and the drop-off cases equal the whole log's
        var whole = FunnelAnalysis.Compute(log, definition, TestContext.Current.CancellationToken);
        whole.Breakdown.Count.ShouldBeGreaterThan(1);
        JsonSerializer.Serialize(FunnelReport.From(partitioned, log.TimeBasis, 1)).ShouldBe(JsonSerializer.Serialize(FunnelReport.From(whole, log.TimeBasis, 1)));
        for (var step = 0; step < definition.Steps.Count; step++)
        {
            partitioned.DropOffCaseIds(step).ShouldBe(whole.DropOffCaseIds(step));
        }
    }

    [Theory]
    [InlineData("logs/helpdesk.xes.gz")]
    [InlineData("logs/receipt.xes.gz")]
    public void Throughput_RealLogPartitioned_EqualsWholeLog(string file)
    {
        // Given a real log split into 64 partitions
        var log = XesImporter.Import(SharedData.Path(file), cancellationToken: TestContext.Current.CancellationToken).Log;
        var analysis = new PartitionedAnalysis();
        var partitioned = PartitionedEventLog.Create(log, null, CasePartitioner.DefaultPartitionCount, 1);

        // When throughput is merged from the partitions / Then it equals the whole log's, per day and per week
        foreach (var granularity in new[] { Granularity.Day, Granularity.Week })
        {
            var whole = Throughput.Analyze(log, granularity, TestContext.Current.CancellationToken);
            whole.Periods.Count.ShouldBeGreaterThan(10);
            JsonSerializer.Serialize(analysis.Throughput(partitioned, granularity, TestContext.Current.CancellationToken)).ShouldBe(JsonSerializer.Serialize(whole));
        }
    }

    [Theory]
    [InlineData("logs/receipt.xes.gz", false)]
    [InlineData("logs/bpic2012.xes.gz", true)]
    public void Performance_RealLogPartitioned_EqualsWholeLog(string file, bool wallClockWithCalendar)
    {
        // Given a real log (bpic2012: lifecycle start/schedule/complete, read on the wall clock with working hours only) in 64 partitions
        var token = TestContext.Current.CancellationToken;
        var log = XesImporter.Import(SharedData.Path(file), cancellationToken: token).Log;
        log = wallClockWithCalendar ? log.ToTimeBasis(TimeBasis.WallClock) : log;
        var options = wallClockWithCalendar ? new ValueStreamOptions { Calendar = BusinessCalendar.Standard } : ValueStreamOptions.Default;

        // When the performance partials are mapped, merged and finished
        var partial = PerformancePartial.Cache(options).Merge(PartitionedEventLog.Create(log, null, CasePartitioner.DefaultPartitionCount, 1), -1, token);

        // Then the record (value stream, case durations, steps in process order, hand-overs, throughput) and the
        // bottlenecks equal the whole log's to the bit
        var whole = PerformanceResult.Analyze(log, 1, options, Granularity.Week, null, token);
        whole.Handovers.Count.ShouldBeGreaterThan(10);
        JsonSerializer.Serialize(partial.Finish(1, Granularity.Week), Exact).ShouldBe(JsonSerializer.Serialize(whole, Exact));
        JsonSerializer.Serialize(partial.FinishBottlenecks(1), Exact).ShouldBe(JsonSerializer.Serialize(BottlenecksResult.Analyze(log, 1, options, cancellationToken: token), Exact));
        if (wallClockWithCalendar)
        {
            whole.ProcessingFrom.ShouldBe(ProcessingTimeSource.LifecyclePairs);
            whole.MeanFlowEfficiency.ShouldNotBeNull();
        }
    }

    [Fact]
    public void Voc_SepsisLabValuesAsAnswers_EqualsWholeLog()
    {
        // Given the real sepsis log, its leucocyte counts read as answers on a 0-10 scale (low counts "unhappy"), its diagnoses as comments
        var log = XesImporter.Import(SharedData.Path("logs/SEPSIS.xes.gz"), cancellationToken: TestContext.Current.CancellationToken).Log;
        var options = new VocOptions
        {
            ScoreAttribute = "Leucocytes",
            CommentAttribute = "Diagnose",
            Scales = new Dictionary<string, SurveyScale> { ["Leucocytes"] = SurveyScale.Nps },
        };

        // When the analysis is mapped over 7 partitions and merged
        var partial = VocPartial.Cache(options).Merge(PartitionedEventLog.Create(log, null, 7, 1), -1, TestContext.Current.CancellationToken);

        // Then the report (surveys, sentiment, moments) and the example comments equal the whole log's to the bit
        var whole = VocAnalysis.Analyze(log, options, TestContext.Current.CancellationToken);
        whole.SurveyedCases.ShouldBeGreaterThan(100);
        whole.Moments.ShouldNotBeEmpty();
        JsonSerializer.Serialize(partial.Finish(TestContext.Current.CancellationToken), Exact).ShouldBe(JsonSerializer.Serialize(whole, Exact));
        JsonSerializer.Serialize(partial.FinishComments(5), Exact)
            .ShouldBe(JsonSerializer.Serialize(ExampleComments.Find(log, options, 5, TestContext.Current.CancellationToken), Exact));
    }
}
