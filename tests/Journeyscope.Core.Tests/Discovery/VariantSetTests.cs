using Journeyscope.Discovery;

namespace Journeyscope.Core.Tests.Discovery;

public sealed class VariantSetTests
{
    [Fact]
    public void Discover_TiedCounts_OrdersByFirstAppearance()
    {
        // Given: x-y appears first, then a-b twice, then y-x... a-b and x-y tie at 2, y-x has 1
        var log = DiscoveryTestLogs.Build(
            ("c1", [("x", 0), ("y", 10)]),
            ("c2", [("a", 0), ("b", 20)]),
            ("c3", [("y", 0), ("x", 30)]),
            ("c4", [("a", 0), ("b", 40)]),
            ("c5", [("x", 0), ("y", 50)]));

        // When
        var variants = VariantSet.Discover(log, null, TestContext.Current.CancellationToken).Variants;

        // Then
        variants.Select(v => string.Join(",", v.Activities)).ShouldBe(["x,y", "a,b", "y,x"]);
        variants.Select(v => v.Rank).ShouldBe([1, 2, 3]);
        variants.Select(v => v.CaseCount).ShouldBe([2L, 2L, 1L]);
    }

    [Fact]
    public void Discover_SmallLog_ComputesShareCoverageDurationsAndExamples()
    {
        // Given
        var log = DiscoveryTestLogs.Build(
            ("c1", [("a", 0), ("b", 10)]),
            ("c2", [("a", 0), ("b", 20)]),
            ("c3", [("a", 0), ("b", 60)]),
            ("c4", [("b", 0)]));

        // When
        var set = VariantSet.Discover(log, new DiscoveryOptions { ExampleCasesPerVariant = 2 }, TestContext.Current.CancellationToken);

        // Then
        var top = set.Variants[0];
        top.Activities.ShouldBe(["a", "b"]);
        top.Share.ShouldBe(0.75);
        top.CumulativeCoverage.ShouldBe(0.75);
        top.MeanDuration.ShouldBe(30, 1e-9);
        top.MedianDuration.ShouldBe(20);
        top.ExampleCaseIds.ShouldBe(["c1", "c2"]);
        set.Variants[1].CumulativeCoverage.ShouldBe(1.0);
        set.Variants[1].MeanDuration.ShouldBe(0);
        set.CaseCount.ShouldBe(4);
    }

    [Fact]
    public void Discover_SequencesThatAreRotationsOrPrefixes_AreDistinct()
    {
        // Given sequences that a weak hash or prefix comparison would confuse
        var log = DiscoveryTestLogs.Build(
            ("1", [("a", 0), ("b", 1)]),
            ("2", [("b", 0), ("a", 1)]),
            ("3", [("a", 0), ("b", 1), ("a", 2)]),
            ("4", [("a", 0)]),
            ("5", [("a", 0), ("a", 1)]));

        // When
        var variants = VariantSet.Discover(log, null, TestContext.Current.CancellationToken).Variants;

        // Then
        variants.Count.ShouldBe(5);
        variants.Sum(v => v.CaseCount).ShouldBe(5);
    }
}
