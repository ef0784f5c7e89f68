using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Reference.Tests;

/// <summary>
/// Where the default utc basis differs from PM4Py's wall-clock basis: receipt's timestamps switch between +01:00 and
/// +02:00 with daylight saving, so a case that spans a switch is an hour longer or shorter on the wall clock.
/// </summary>
public sealed class TimeBasisDifferenceTests
{
    [Fact]
    public void CaseDurations_ReceiptInUtc_Differ_For56CasesByOneHour()
    {
        // Given
        var log = ReferenceLogs.Load("receipt");
        var ct = TestContext.Current.CancellationToken;

        // When
        var utc = CaseDurations.Discover(log, null, ct);
        var wallClock = CaseDurations.Discover(log, new DiscoveryOptions { TimeBasis = TimeBasis.WallClock }, ct);

        // Then
        var differences = Enumerable.Range(0, log.CaseCount)
            .Select(c => wallClock.ByCase[c] - utc.ByCase[c])
            .Where(d => d != 0)
            .ToList();
        utc.TimeBasis.ShouldBe(TimeBasis.Utc);
        log.CaseCount.ShouldBe(1434);
        differences.Count.ShouldBe(56);
        differences.ShouldAllBe(d => Math.Abs(Math.Abs(d) - 3600) < 1e-6);
    }

    [Fact]
    public void Discovery_ReceiptInUtc_KeepsFrequenciesButShiftsSeconds()
    {
        // Given
        var log = ReferenceLogs.Load("receipt");
        var ct = TestContext.Current.CancellationToken;

        // When
        var utc = DiscoveryResult.Discover(log, null, ct);
        var wallClock = DiscoveryResult.Discover(log, new DiscoveryOptions { TimeBasis = TimeBasis.WallClock }, ct);

        // Then: the events of receipt are far enough apart that no case reorders, so the counts agree...
        Edges(utc).ShouldBe(Edges(wallClock));
        utc.Variants.Variants.Select(v => v.CaseCount).ShouldBe(wallClock.Variants.Variants.Select(v => v.CaseCount));
        // ...while the seconds of the edges that cross a daylight-saving switch do not.
        var shifted = utc.PerformanceDfg.Edges
            .Count(e => wallClock.PerformanceDfg.FindEdge(utc.PerformanceDfg.Activities[e.From], utc.PerformanceDfg.Activities[e.To])!.Value.Sum != e.Sum);
        shifted.ShouldBeGreaterThan(0);
        utc.CaseDurations.Mean.ShouldNotBe(wallClock.CaseDurations.Mean);
    }

    private static List<string> Edges(DiscoveryResult result) =>
        result.DirectlyFollowsGraph.Edges
            .Select(e => $"{result.DirectlyFollowsGraph.Activities[e.From]} -> {result.DirectlyFollowsGraph.Activities[e.To]}: {e.Count}/{e.CaseCount}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
