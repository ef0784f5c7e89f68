using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.Discovery;

public sealed class CaseDurationsTests
{
    [Fact]
    public void Discover_FiveCases_MatchesNumpyLinearPercentiles()
    {
        // Given durations 0, 10, 20, 30, 1000 seconds
        var log = DiscoveryTestLogs.Build(
            ("1", [("a", 0)]),
            ("2", [("a", 0), ("b", 10)]),
            ("3", [("a", 0), ("b", 5), ("c", 20)]),
            ("4", [("a", 0), ("b", 30)]),
            ("5", [("a", 0), ("b", 1000)]));

        // When
        var d = CaseDurations.Discover(log, null, TestContext.Current.CancellationToken);

        // Then (numpy.percentile(x, 90) = 30 + 0.6 * 970; percentile 95 = 30 + 0.8 * 970)
        d.AllSorted.ShouldBe([0, 10, 20, 30, 1000]);
        d.Mean.ShouldBe(212, 1e-9);
        d.Median.ShouldBe(20);
        d.Min.ShouldBe(0);
        d.Max.ShouldBe(1000);
        d.P90.ShouldBe(612, 1e-9);
        d.P95.ShouldBe(806, 1e-9);
        d.Percentile(50).ShouldBe(20);
    }

    [Fact]
    public void Discover_WallClockOption_DropsTheOffsetChange()
    {
        // Given a case that crosses a daylight-saving change: 01:30 +01:00 then 03:30 +02:00 is one hour of real time
        var builder = new EventLogBuilder();
        var first = new DateTimeOffset(2024, 3, 31, 1, 30, 0, TimeSpan.FromHours(1));
        var second = new DateTimeOffset(2024, 3, 31, 3, 30, 0, TimeSpan.FromHours(2));
        builder.AddEvent("c", "a", first);
        builder.AddEvent("c", "b", second);
        var log = builder.Build();

        // When
        var utc = CaseDurations.Discover(log, null, TestContext.Current.CancellationToken);
        var wallClock = CaseDurations.Discover(log, new DiscoveryOptions { TimeBasis = TimeBasis.WallClock }, TestContext.Current.CancellationToken);

        // Then
        utc.Max.ShouldBe(3600);
        wallClock.Max.ShouldBe(7200);
        wallClock.TimeBasis.ShouldBe(TimeBasis.WallClock);
        utc.TimeBasis.ShouldBe(TimeBasis.Utc);
    }
}
