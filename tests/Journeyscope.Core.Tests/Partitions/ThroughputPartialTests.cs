using System.Text.Json;
using CsCheck;
using Journeyscope.Partitions;
using Journeyscope.Performance;

namespace Journeyscope.Core.Tests.Partitions;

public sealed class ThroughputPartialTests
{
    private static readonly Gen<(int Seed, int Partitions)> Shapes = Gen.Select(Gen.Int, Gen.Int[0, AnalysisLogs.PartitionCounts.Length - 1]);

    [Fact]
    public void Finish_AnyPartitioning_EqualsWholeLogThroughput()
    {
        Shapes.Sample(shape =>
        {
            // Given a random log split into 1, 2, 7 or 64 partitions
            var log = AnalysisLogs.Random(new Random(shape.Seed), 120);
            var partitions = AnalysisLogs.PartitionCounts[shape.Partitions];

            // When throughput is mapped per segment, merged per partition and over partitions, and finished
            var analysis = new PartitionedAnalysis();
            var partitioned = PartitionedEventLog.Create(log, null, partitions, 1);

            // Then it equals the whole log's, per day and per week
            foreach (var granularity in new[] { Granularity.Day, Granularity.Week })
            {
                var expected = Throughput.Analyze(log, granularity, TestContext.Current.CancellationToken);
                JsonSerializer.Serialize(analysis.Throughput(partitioned, granularity, TestContext.Current.CancellationToken))
                    .ShouldBe(JsonSerializer.Serialize(expected));
            }
        });
    }

    [Fact]
    public void Merge_AnyOrderAndGrouping_GivesTheSameResult()
    {
        Shapes.Sample(shape =>
        {
            // Given the partials of a random log's partitions
            var random = new Random(shape.Seed);
            var log = AnalysisLogs.Random(random, 80);
            var partitioned = PartitionedEventLog.Create(log, null, AnalysisLogs.PartitionCounts[shape.Partitions], 1);
            var parts = partitioned.Partitions.SelectMany(p => p.Segments).Select(ThroughputPartial.Map).ToList();

            // When merged shuffled, in two halves
            var shuffled = parts.OrderBy(_ => random.Next()).ToList();
            var half = shuffled.Count / 2;
            var merged = ThroughputPartial.Merge([ThroughputPartial.Merge(shuffled[..half]), ThroughputPartial.Merge(shuffled[half..])]);

            // Then the result is the whole log's
            JsonSerializer.Serialize(merged.Finish(Granularity.Week)).ShouldBe(JsonSerializer.Serialize(Throughput.Analyze(log, Granularity.Week)));
            merged.CaseCount.ShouldBe(log.CaseCount);
        });
    }

    [Fact]
    public void Apply_AppendsAsDeltas_EqualsRecomputeAfterEachAppend()
    {
        Gen.Select(Gen.Int, Gen.Int[1, 400], Gen.Int[1, 60], Gen.Int[0, AnalysisLogs.PartitionCounts.Length - 1], Gen.Int[1, 6]).Sample(
            (seed, events, cases, partitionIndex, slices) =>
            {
                // Given a random stream appended in slices, touched cases removed and re-added whole
                var random = new Random(seed);
                var stream = PartitionLogs.Stream(random, events, cases, 1 + random.Next(6));
                var cuts = PartitionLogs.Cuts(stream.Length, slices);
                ThroughputPartial? total = null;
                var analysis = new PartitionedAnalysis();
                var step = 0;

                // When the running total applies each delta: the touched cases' old partials out, their new partial in
                PartitionLogs.Grow(
                    stream,
                    AnalysisLogs.PartitionCounts[partitionIndex],
                    cuts,
                    partitioned =>
                    {
                        total ??= ThroughputPartial.Merge([.. partitioned.Partitions.SelectMany(p => p.Segments).Select(ThroughputPartial.Map)]);

                        // Then after every append it equals the recompute of the whole log so far, and the cached partitions agree
                        var (whole, _) = PartitionLogs.Build(stream, cuts[step++]);
                        var expected = JsonSerializer.Serialize(Throughput.Analyze(whole, Granularity.Day));
                        JsonSerializer.Serialize(total.Finish(Granularity.Day)).ShouldBe(expected);
                        JsonSerializer.Serialize(analysis.Throughput(partitioned, Granularity.Day)).ShouldBe(expected);
                    },
                    (removed, added) => total = ThroughputPartial.Apply(total!, [.. removed.Select(ThroughputPartial.Map)], [ThroughputPartial.Map(added)]));
            });
    }

    [Fact]
    public void Apply_RemovingCasesNotHeld_Throws()
    {
        // Given an empty total and the partial of a one-case log
        var log = AnalysisLogs.Random(new Random(7), 1);
        var one = ThroughputPartial.Map(log);

        // When that case is removed from the empty total / Then the delta is refused
        Should.Throw<InvalidOperationException>(() => ThroughputPartial.Apply(ThroughputPartial.Merge([]), [one], []));
    }
}
