using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using Journeyscope.Discovery;
using Journeyscope.Partitions;

namespace Journeyscope.Core.Tests.Partitions;

public sealed class PartitionedAnalysisTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static readonly Gen<(int Seed, int Events, int Cases, int Partitions, int Slices)> Shapes =
        Gen.Select(Gen.Int, Gen.Int[1, 600], Gen.Int[1, 80], Gen.Int[1, 40], Gen.Int[1, 6]);

    [Fact]
    public void Snapshot_AnyPartitioningAndAppends_EqualsWholeLogSnapshot()
    {
        Shapes.Sample(shape =>
        {
            // Given a random stream appended in random slices to a log with a random partition count
            var random = new Random(shape.Seed);
            var stream = PartitionLogs.Stream(random, shape.Events, shape.Cases, 1 + random.Next(8));
            var cuts = Cuts(random, stream.Length, shape.Slices);

            // When the partitioned log grows in place and is analysed per partition
            var analysis = new PartitionedAnalysis();
            var partitioned = PartitionLogs.Grow(stream, shape.Partitions, cuts, p => analysis.Snapshot(p));
            var merged = analysis.Snapshot(partitioned, 2);

            // Then the result equals that of the whole log built at once, value by value
            var (whole, keys) = PartitionLogs.Build(stream, stream.Length);
            var expected = JourneyPartial.Map(new EventLogSegment(whole, keys)).Finish(2);
            JsonSerializer.Serialize(merged, Exact).ShouldBe(JsonSerializer.Serialize(expected, Exact));
            partitioned.EventCount.ShouldBe(stream.Length);
            partitioned.CaseCount.ShouldBe(whole.CaseCount);
        });
    }

    [Fact]
    public void Snapshot_WholeLog_AgreesWithDiscovery()
    {
        Shapes.Sample(shape =>
        {
            // Given a random log
            var random = new Random(shape.Seed);
            var stream = PartitionLogs.Stream(random, shape.Events, shape.Cases, 1 + random.Next(8));
            var (log, _) = PartitionLogs.Build(stream, stream.Length);

            // When it is analysed partitioned and by the existing discovery
            var snapshot = new PartitionedAnalysis().Snapshot(PartitionedEventLog.Create(log, null, shape.Partitions, 1), 3);
            var discovery = DiscoveryResult.Discover(log, new DiscoveryOptions { ExampleCasesPerVariant = 3 });

            // Then counts, durations and variants agree exactly
            var graph = discovery.DirectlyFollowsGraph;
            foreach (var activity in snapshot.Activities)
            {
                var stats = graph.ActivityStatistics.Single(a => a.Name == activity.Name);
                (activity.Events, activity.Cases).ShouldBe((stats.Events, stats.Cases));
                var code = log.FindActivity(activity.Name);
                (activity.Starts, activity.Ends).ShouldBe((graph.StartActivityCounts[code], graph.EndActivityCounts[code]));
            }

            snapshot.Edges.Count.ShouldBe(graph.Edges.Count);
            foreach (var edge in snapshot.Edges)
            {
                graph.FindEdge(edge.From, edge.To)!.Value.Count.ShouldBe(edge.Count);
                var performance = discovery.PerformanceDfg.Edges.Single(e =>
                    log.ActivityNames[e.From] == edge.From && log.ActivityNames[e.To] == edge.To);
                (performance.Mean, performance.Median).ShouldBe((edge.MeanSeconds, edge.MedianSeconds));
            }

            var variants = discovery.Variants.Variants;
            snapshot.Variants.Count.ShouldBe(variants.Count);
            for (var v = 0; v < variants.Count; v++)
            {
                snapshot.Variants[v].Activities.ShouldBe(variants[v].Activities);
                snapshot.Variants[v].CaseCount.ShouldBe(variants[v].CaseCount);
                snapshot.Variants[v].ExampleCaseIds.ShouldBe(variants[v].ExampleCaseIds);
                snapshot.Variants[v].MedianDurationSeconds.ShouldBe(variants[v].MedianDuration);
                snapshot.Variants[v].MeanDurationSeconds.ShouldBe(variants[v].MeanDuration);
            }

            var durations = discovery.CaseDurations;
            (snapshot.CaseDurations.MeanSeconds, snapshot.CaseDurations.MedianSeconds, snapshot.CaseDurations.P90Seconds)
                .ShouldBe((durations.Mean, durations.Median, durations.P90));
            snapshot.Kpis.Cases.ShouldBe(log.CaseCount);
            snapshot.Kpis.Events.ShouldBe(log.EventCount);
        });
    }

    [Fact]
    public void Merge_AfterAppend_RecomputesOnlyTouchedPartitions()
    {
        // Given 2,000 events of 400 cases in 64 partitions, analysed once
        var random = new Random(17);
        var stream = PartitionLogs.Stream(random, 2_010, 400, 6);
        var (log, keys) = PartitionLogs.Build(stream, 2_000);
        var analysis = new PartitionedAnalysis();
        var before = PartitionedEventLog.Create(log, keys, 64, 1);
        analysis.Snapshot(before, 3, TestContext.Current.CancellationToken);
        var merges = analysis.PartitionMerges;

        // When 10 events are appended
        var touched = stream.Skip(2_000).Select(e => e.Case).ToHashSet(StringComparer.Ordinal);
        var (added, addedKeys) = PartitionLogs.Build(stream, stream.Length, touched);
        var after = before.Update(touched, new EventLogSegment(added, addedKeys), 2, out var changed);
        analysis.Snapshot(after, 3, TestContext.Current.CancellationToken);

        // Then only the partitions of the touched cases changed and were merged again; the others are shared
        changed.Count.ShouldBe(touched.Select(c => CasePartitioner.PartitionOf(c, 64)).Distinct().Count());
        changed.Count.ShouldBeLessThan(11);
        (analysis.PartitionMerges - merges).ShouldBe(changed.Count);
        for (var p = 0; p < 64; p++)
        {
            ReferenceEquals(before.Partitions[p], after.Partitions[p]).ShouldBe(!changed.Contains(p));
        }
    }

    [Fact]
    public void Update_CaseRemovedWithoutReplacement_DisappearsFromEveryFigure()
    {
        // Given a log of three customers (an identity merge moves anon-1's events to cust-1)
        var (log, keys) = PartitionLogs.Build(
            [("cust-1", "Browse", 1), ("anon-1", "Browse", 2), ("anon-1", "Buy", 3), ("cust-2", "Browse", 4)], 4);
        var partitioned = PartitionedEventLog.Create(log, keys, 8, 1);

        // When anon-1 is removed and cust-1 is replaced by its stitched journey
        var (stitched, stitchedKeys) = PartitionLogs.Build([("cust-1", "Browse", 1), ("cust-1", "Browse", 2), ("cust-1", "Buy", 3)], 3);
        var merged = partitioned.Update(
            new HashSet<string>(["anon-1", "cust-1"], StringComparer.Ordinal), new EventLogSegment(stitched, stitchedKeys), 2, out _);
        var snapshot = new PartitionedAnalysis().Snapshot(merged, 3, TestContext.Current.CancellationToken);

        // Then two journeys remain, and the stitched one ends with the purchase
        snapshot.Kpis.Cases.ShouldBe(2);
        snapshot.Variants.Select(v => string.Join(">", v.Activities)).ShouldBe(["Browse>Browse>Buy", "Browse"]);
        snapshot.Activities.Single(a => a.Name == "Buy").Ends.ShouldBe(1);
    }

    private static int[] Cuts(Random random, int length, int slices)
    {
        // (at most length + 1 distinct cut positions exist: a short stream cannot have more slices than that)
        var cuts = new SortedSet<int> { length };
        while (cuts.Count < Math.Min(slices, length + 1))
        {
            cuts.Add(random.Next(0, length + 1));
        }

        return [.. cuts];
    }
}
