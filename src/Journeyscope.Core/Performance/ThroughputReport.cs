using Journeyscope.EventLogs;

namespace Journeyscope.Performance;

/// <summary>
/// Performance by period on its own: cases started, completed and in progress per day or week. The one result of
/// <c>GET …/throughput</c>; its periods are those of <see cref="PerformanceResult.Throughput"/> for the same log.
/// </summary>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Cases of the (filtered) log.</param>
/// <param name="Granularity">The length of the periods.</param>
/// <param name="Periods">Consecutive periods from the first case start to the last case completion, empty periods included.</param>
public sealed record ThroughputReport(TimeBasis TimeBasis, long Version, long Cases, Granularity Granularity, IReadOnlyList<ThroughputCount> Periods)
{
    /// <summary>The report of <paramref name="throughput"/>, computed on a log of <paramref name="timeBasis"/> with <paramref name="cases"/> cases.</summary>
    public static ThroughputReport From(ThroughputResult throughput, TimeBasis timeBasis, long version, long cases)
    {
        ArgumentNullException.ThrowIfNull(throughput);
        var periods = new ThroughputCount[throughput.Periods.Count];
        for (var p = 0; p < periods.Length; p++)
        {
            var period = throughput.Periods[p];
            periods[p] = new ThroughputCount(DateOnly.FromDateTime(period.Start), period.Started, period.Completed, period.WorkInProgress);
        }

        return new ThroughputReport(timeBasis, version, cases, throughput.Granularity, periods);
    }
}
