using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using Journeyscope.Conformance;
using Journeyscope.Core.Tests.Conformance;
using Journeyscope.Partitions;

namespace Journeyscope.Core.Tests.Partitions;

public sealed class JourneyTotalsTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Fact]
    public void Finish_AnyAppendsAppliedAsDeltas_EqualsWholeLogSnapshotAndAlignments()
    {
        Gen.Select(Gen.Int, Gen.Int[1, 600], Gen.Int[1, 80], Gen.Int[1, 40], Gen.Int[1, 8]).Sample((seed, events, cases, partitions, slices) =>
        {
            // Given a random stream over a..e appended in random slices, and a random model
            var random = new Random(seed);
            var net = ConformanceLogs.Net(ConformanceLogs.RandomTree(random, 2));
            var stream = PartitionLogs.Stream(random, events, cases, 1 + random.Next(5))
                .Select(e => (e.Case, ((char)('a' + (e.Activity[^1] - 'A'))).ToString(), e.Minute)).ToArray();
            var cuts = Cuts(random, stream.Length, slices);

            // When the totals start from the first slice and each append is applied as a delta (old cases out, new ones in),
            // with conformance checked after every append through one per-variant cache
            JourneyTotals? totals = null;
            var conformance = new VariantConformance(net);
            PartitionLogs.Grow(
                stream,
                partitions,
                cuts,
                log =>
                {
                    totals ??= JourneyTotals.Of(new PartitionedAnalysis().Merge(log));
                    conformance.Check(totals);
                },
                (removed, added) => totals!.Apply(JourneyPartial.Merge([.. removed.Select(JourneyPartial.Map)]), JourneyPartial.Map(added)));

            // Then the snapshot and conformance equal the whole log's, value by value and to the bit
            var (whole, keys) = PartitionLogs.Build(stream, stream.Length);
            var expected = JourneyPartial.Map(new EventLogSegment(whole, keys)).Finish(2);
            JsonSerializer.Serialize(totals!.Finish(2), Exact).ShouldBe(JsonSerializer.Serialize(expected, Exact));
            var check = conformance.Check(totals);
            var alignments = Alignments.Compute(whole, net);
            (check.LogFitness, check.AverageTraceFitness, check.PercentageOfFittingTraces, check.Variants)
                .ShouldBe((alignments.LogFitness, alignments.AverageTraceFitness, alignments.PercentageOfFittingTraces, alignments.Variants.Count));
        }, iter: 60);
    }

    [Fact]
    public void Apply_IdentityMergeChangesCaseOrder_EqualsWholeLogSnapshot()
    {
        // Given three journeys, the customer's first event after the anonymous visitor's
        var (log, keys) = PartitionLogs.Build([("anon-1", "Browse", 1), ("cust-1", "Login", 2), ("cust-2", "Browse", 3), ("anon-1", "Buy", 4)], 4);
        var totals = JourneyTotals.Of(JourneyPartial.Map(new EventLogSegment(log, keys)));

        // When anon-1 is merged into cust-1: both leave, the stitched journey (keyed by anon-1's earlier first event) arrives
        var partitioned = PartitionedEventLog.Create(log, keys, 4, 1);
        var (stitched, _) = PartitionLogs.Build([("cust-1", "Browse", 1), ("cust-1", "Login", 2), ("cust-1", "Buy", 4)], 3);
        var added = new EventLogSegment(stitched, [0]);
        partitioned.Update(new HashSet<string>(["anon-1", "cust-1"], StringComparer.Ordinal), added, 2, out _, out var removed);
        totals.Apply(JourneyPartial.Merge([.. removed.Select(JourneyPartial.Map)]), JourneyPartial.Map(added));

        // Then the totals equal the stitched log, the customer first in case order
        var (expectedLog, _) = PartitionLogs.Build([("cust-1", "Browse", 1), ("cust-1", "Login", 2), ("cust-2", "Browse", 3), ("cust-1", "Buy", 4)], 4);
        var expected = JourneyPartial.Map(new EventLogSegment(expectedLog, [0, 2])).Finish();
        JsonSerializer.Serialize(totals.Finish(), Exact).ShouldBe(JsonSerializer.Serialize(expected, Exact));
        totals.Finish().Variants[0].ExampleCaseIds.ShouldBe(["cust-1"]);
    }

    [Fact]
    public void Apply_RemovedCaseNotHeld_Throws()
    {
        // Given totals of one journey
        var (log, keys) = PartitionLogs.Build([("a", "Browse", 1), ("a", "Buy", 2)], 2);
        var totals = JourneyTotals.Of(JourneyPartial.Map(new EventLogSegment(log, keys)));

        // When a delta removes a journey the totals never held
        var (other, _) = PartitionLogs.Build([("b", "Browse", 1), ("b", "Buy", 2)], 2);
        var apply = () => totals.Apply(JourneyPartial.Map(new EventLogSegment(other, [5])), null);

        // Then it is refused instead of giving a wrong total
        Should.Throw<InvalidOperationException>(apply);
    }

    private static int[] Cuts(Random random, int length, int slices)
    {
        var cuts = new SortedSet<int> { length };
        while (cuts.Count < Math.Min(slices, length + 1))
        {
            cuts.Add(random.Next(0, length + 1));
        }

        return [.. cuts];
    }
}
