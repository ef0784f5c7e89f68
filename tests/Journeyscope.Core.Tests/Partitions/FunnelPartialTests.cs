using System.Text.Json;
using CsCheck;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;
using Journeyscope.Partitions;

namespace Journeyscope.Core.Tests.Partitions;

public sealed class FunnelPartialTests
{
    private static readonly string[] Steps = ["Visit", "Browse", "Add to cart", "Checkout", "Order", "Support call", "Delivery"];
    private static readonly string?[] Breakdowns = [null, "segment", "case.segment", "device", "event.device"];

    [Fact]
    public void Finish_AnyPartitioning_EqualsWholeLogFunnel()
    {
        Gen.Select(Gen.Int, Gen.Int[0, AnalysisLogs.PartitionCounts.Length - 1]).Sample((seed, partitionIndex) =>
        {
            // Given a random log, a random funnel over it, and a split into 1, 2, 7 or 64 partitions
            var random = new Random(seed);
            var log = AnalysisLogs.Random(random, 120);
            var definition = Definition(random);

            // When the funnel is mapped per segment, merged and finished
            var partitioned = AnalysisLogs.Partitioned(FunnelPartial.Cache(definition), log, AnalysisLogs.PartitionCounts[partitionIndex]).Finish();

            // Then the report, the drop-offs and every case's depth and breakdown value equal the whole log's
            var whole = FunnelAnalysis.Compute(log, definition, TestContext.Current.CancellationToken);
            JsonSerializer.Serialize(FunnelReport.From(partitioned, TimeBasis.Utc, 1)).ShouldBe(JsonSerializer.Serialize(FunnelReport.From(whole, TimeBasis.Utc, 1)));
            for (var step = 0; step < definition.Steps.Count; step++)
            {
                partitioned.DropOffCaseIds(step).ShouldBe(whole.DropOffCaseIds(step));
                partitioned.CaseIdsReaching(step).ShouldBe(whole.CaseIdsReaching(step));
                foreach (var value in whole.Breakdown.Select(b => b.Value))
                {
                    partitioned.DropOffCaseIds(step, value).ShouldBe(whole.DropOffCaseIds(step, value));
                }
            }

            for (var c = 0; c < log.CaseCount; c++)
            {
                (partitioned.DepthOf(c), partitioned.BreakdownValueOf(c)).ShouldBe((whole.DepthOf(c), whole.BreakdownValueOf(c)));
            }
        });
    }

    [Fact]
    public void Cache_AppendToOnePartition_MapsOnlyItsNewSegmentAndMergesOnlyThatPartition()
    {
        // Given a funnel cache warm on a random log in 7 partitions, without the last case
        var log = AnalysisLogs.Random(new Random(5), 200);
        var last = log.CaseCount - 1;
        var rest = PartitionedEventLog.Create(log.SelectCases([.. Enumerable.Range(0, last)]), null, 7, 1);
        var definition = new FunnelDefinition([new FunnelStep("Visit"), new FunnelStep("Order")]) { Breakdown = "segment" };
        var cache = FunnelPartial.Cache(definition);
        cache.Merge(rest, 1, TestContext.Current.CancellationToken);
        var (maps, merges) = (cache.SegmentMaps, cache.PartitionMerges);

        // When the last case is appended
        var grown = rest.Update(new HashSet<string>(), new EventLogSegment(log.SelectCases([last]), [last]), 2, out var changed);
        var result = cache.Merge(grown, 1, TestContext.Current.CancellationToken).Finish();

        // Then only its segment is mapped and only its partition merged, and the result is the whole log's
        changed.Count.ShouldBe(1);
        (cache.SegmentMaps - maps, cache.PartitionMerges - merges).ShouldBe((1L, 1L));
        JsonSerializer.Serialize(FunnelReport.From(result, TimeBasis.Utc, 1))
            .ShouldBe(JsonSerializer.Serialize(FunnelReport.From(FunnelAnalysis.Compute(log, definition, TestContext.Current.CancellationToken), TimeBasis.Utc, 1)));
    }

    [Fact]
    public void Cache_SameLogAskedAgain_GivesTheSameWholePartialAndANewOneAfterAChange()
    {
        // Given a funnel cache over a random log in 7 partitions, asked once
        var log = AnalysisLogs.Random(new Random(6), 120);
        var last = log.CaseCount - 1;
        var rest = PartitionedEventLog.Create(log.SelectCases([.. Enumerable.Range(0, last)]), null, 7, 1);
        var cache = FunnelPartial.Cache(new FunnelDefinition([new FunnelStep("Visit"), new FunnelStep("Order")]));
        var first = cache.Merge(rest, 1, TestContext.Current.CancellationToken);

        // When the same log is asked again, then a log with one more case
        var again = cache.Merge(rest, 1, TestContext.Current.CancellationToken);
        var grown = rest.Update(new HashSet<string>(), new EventLogSegment(log.SelectCases([last]), [last]), 2, out _);
        var after = cache.Merge(grown, 1, TestContext.Current.CancellationToken);

        // Then the unchanged log gets the very partial it got before (combined once), the grown log a new one with the new case
        again.ShouldBeSameAs(first);
        after.ShouldNotBeSameAs(first);
        after.CaseCount.ShouldBe(first.CaseCount + 1);
        cache.Merge(grown, 1, TestContext.Current.CancellationToken).ShouldBeSameAs(after);
    }

    [Fact]
    public void Merge_PartialOfAnotherFunnel_Throws()
    {
        // Given a partial of one funnel
        var log = AnalysisLogs.Random(new Random(3), 10);
        var one = FunnelPartial.Map(new EventLogSegment(log, new long[log.CaseCount]), new FunnelDefinition([new FunnelStep("Visit")]), TestContext.Current.CancellationToken);

        // When it is merged as a partial of another / Then the merge is refused
        Should.Throw<ArgumentException>(() => FunnelPartial.Merge(new FunnelDefinition([new FunnelStep("Order")]), [one]));
    }

    private static FunnelDefinition Definition(Random random)
    {
        var count = 1 + random.Next(4);
        var steps = new List<FunnelStep>(count);
        for (var i = 0; i < count; i++)
        {
            var activity = Steps[random.Next(Steps.Length)];
            var step = random.Next(6) == 0 ? FunnelStep.Parse($"{activity} where event.device == app") : new FunnelStep(activity);
            steps.Add(i > 0 && random.Next(5) == 0
                ? new FunnelStep(step.Activities, step.Conditions) { IsOptional = true, Window = random.Next(2) == 0 ? TimeSpan.FromDays(3) : null }
                : step);
        }

        return new FunnelDefinition(steps)
        {
            StrictOrder = random.Next(5) == 0,
            Window = random.Next(3) == 0 ? TimeSpan.FromDays(1 + random.Next(10)) : null,
            Breakdown = Breakdowns[random.Next(Breakdowns.Length)],
            Exclusions = count > 1 && random.Next(4) == 0 ? [new FunnelExclusion(new FunnelStep("Cancel"))] : [],
        };
    }
}
