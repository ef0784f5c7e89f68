using Journeyscope.Core.Tests.Filters;
using Journeyscope.EventLogs;
using Journeyscope.Performance;

namespace Journeyscope.Core.Tests.Performance;

public sealed class ThroughputTests
{
    // c0: 1 Jan 10:00 -> 3 Jan 09:00; c1: 1 Jan 12:00 -> 13:00; c2: 4 Jan 08:00 (one event).
    private static EventLog Log() => TestLogs.Build(
        ("c0", "A", 10), ("c0", "B", 57),
        ("c1", "A", 12), ("c1", "B", 13),
        ("c2", "A", 80));

    [Fact]
    public void Analyze_ByDay_CountsStartsCompletionsAndOpenCases()
    {
        var result = Throughput.Analyze(Log(), Granularity.Day, TestContext.Current.CancellationToken);

        result.Periods.Select(p => p.Start.Day).ShouldBe([1, 2, 3, 4]);
        result.Periods.Select(p => p.Started).ShouldBe([2, 0, 0, 1]);
        result.Periods.Select(p => p.Completed).ShouldBe([1, 0, 1, 1]);
        result.Periods.Select(p => p.WorkInProgress).ShouldBe([1, 1, 0, 0]);
    }

    [Fact]
    public void Analyze_ByWeek_WeeksStartOnMonday()
    {
        var log = TestLogs.Build(("c0", "A", 24 * 6), ("c0", "B", 24 * 7), ("c1", "A", 24 * 8));

        var result = Throughput.Analyze(log, Granularity.Week, TestContext.Current.CancellationToken);

        result.Periods.Select(p => p.Start).ShouldBe([new DateTime(2024, 1, 1), new DateTime(2024, 1, 8)]);
        result.Periods.Select(p => p.Started).ShouldBe([1, 1]);
        result.Periods.Select(p => p.Completed).ShouldBe([0, 2]);
        result.Periods.Select(p => p.WorkInProgress).ShouldBe([1, 0]);
    }

    [Fact]
    public void Analyze_EmptyLog_NoPeriods()
    {
        Throughput.Analyze(EventLog.Empty, Granularity.Day, TestContext.Current.CancellationToken).Periods.ShouldBeEmpty();
    }
}
