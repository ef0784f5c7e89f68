using Journeyscope.Discovery;

namespace Journeyscope.Core.Tests.Discovery;

public sealed class PerformanceDfgTests
{
    [Fact]
    public void Discover_FourOccurrences_MatchesNumpyAndSampleStdev()
    {
        // Given a->b taking 10, 20, 30 and 100 seconds in four cases
        var log = DiscoveryTestLogs.Build(
            ("1", [("a", 0), ("b", 10)]),
            ("2", [("a", 0), ("b", 20)]),
            ("3", [("a", 0), ("b", 30)]),
            ("4", [("a", 0), ("b", 100)]));

        // When
        var edge = PerformanceDfg.Discover(log, null, TestContext.Current.CancellationToken).FindEdge("a", "b");

        // Then (numpy: mean 40, median 25, percentile(90) = 30 + 0.7 * 70 = 79; statistics.stdev = sqrt(5000 / 3))
        edge.ShouldNotBeNull();
        var e = edge.Value;
        e.Count.ShouldBe(4);
        e.Mean.ShouldBe(40, 1e-9);
        e.Median.ShouldBe(25, 1e-9);
        e.Min.ShouldBe(10);
        e.Max.ShouldBe(100);
        e.Sum.ShouldBe(160, 1e-9);
        e.StandardDeviation!.Value.ShouldBe(Math.Sqrt(5000.0 / 3), 1e-9);
        e.P90.ShouldBe(79, 1e-9);
    }

    [Fact]
    public void Discover_SingleOccurrence_HasNoStandardDeviation()
    {
        // Given
        var log = DiscoveryTestLogs.Build(("1", [("a", 0), ("b", 2.5)]));

        // When
        var e = PerformanceDfg.Discover(log, null, TestContext.Current.CancellationToken).Edges.Single();

        // Then
        e.StandardDeviation.ShouldBeNull();
        e.Mean.ShouldBe(2.5);
        e.Median.ShouldBe(2.5);
        e.P90.ShouldBe(2.5);
    }

    [Fact]
    public void Discover_SubSecondGaps_KeepsTickPrecision()
    {
        // Given a gap of 1.2345678 seconds (ticks are 100 ns)
        var log = DiscoveryTestLogs.Build(("1", [("a", 0), ("b", 1.2345678)]));

        // When
        var e = PerformanceDfg.Discover(log, null, TestContext.Current.CancellationToken).Edges.Single();

        // Then
        e.Sum.ShouldBe(1.2345678, 1e-12);
    }
}
