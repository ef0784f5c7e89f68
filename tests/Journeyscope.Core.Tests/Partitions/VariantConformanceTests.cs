using CsCheck;
using Journeyscope.Conformance;
using Journeyscope.Core.Tests.Conformance;
using Journeyscope.Partitions;

namespace Journeyscope.Core.Tests.Partitions;

public sealed class VariantConformanceTests
{
    [Fact]
    public void Check_AnyPartitioning_EqualsWholeLogAlignments()
    {
        Gen.Select(Gen.Int, Gen.Int[1, 120], Gen.Int[1, 20], Gen.Int[1, 16]).Sample((seed, events, cases, partitions) =>
        {
            // Given a random log over a..e and a random model
            var random = new Random(seed);
            var net = ConformanceLogs.Net(ConformanceLogs.RandomTree(random, 2));
            var stream = PartitionLogs.Stream(random, events, cases, 5)
                .Select(e => (e.Case, ((char)('a' + (e.Activity[^1] - 'A'))).ToString(), e.Minute)).ToArray();
            var (log, keys) = PartitionLogs.Build(stream, stream.Length);

            // When it is checked per partition with the per-variant cache
            var merged = new PartitionedAnalysis().Merge(PartitionedEventLog.Create(log, keys, partitions, 1));
            var check = new VariantConformance(net).Check(merged);

            // Then every figure equals the whole-log alignment's, to the bit
            var whole = Alignments.Compute(log, net);
            check.LogFitness.ShouldBe(whole.LogFitness);
            check.AverageTraceFitness.ShouldBe(whole.AverageTraceFitness);
            check.PercentageOfFittingTraces.ShouldBe(whole.PercentageOfFittingTraces);
            check.Variants.ShouldBe(whole.Variants.Count);
        }, iter: 25);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Check_AfterAppend_AlignsOnlyNewVariants()
    {
        // Given a checked log of two variants
        var net = ConformanceLogs.Net("->( 'a', X( 'b', 'c' ), 'd' )");
        var conformance = new VariantConformance(net);
        var (log, keys) = PartitionLogs.Build([("1", "a", 0), ("1", "b", 1), ("1", "d", 2), ("2", "a", 3), ("2", "c", 4), ("2", "d", 5)], 6);
        var analysis = new PartitionedAnalysis();
        var partitioned = PartitionedEventLog.Create(log, keys, 4, 1);
        conformance.Check(analysis.Merge(partitioned, -1, Token), Token).NewlyAligned.ShouldBe(2);

        // When cases of a known variant and one deviating case arrive
        var (added, addedKeys) = PartitionLogs.Build([("3", "a", 6), ("3", "b", 7), ("3", "d", 8), ("4", "a", 9), ("4", "d", 10)], 5);
        partitioned = partitioned.Update(new HashSet<string>(StringComparer.Ordinal), new EventLogSegment(added, [6, 9]), 2, out _);
        var check = conformance.Check(analysis.Merge(partitioned, -1, Token), Token);

        // Then only the new variant is aligned, and the figures are those of the four cases
        check.NewlyAligned.ShouldBe(1);
        conformance.AlignedVariants.ShouldBe(3);
        check.PercentageOfFittingTraces.ShouldBe(75.0);
    }
}
