using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>
/// The (filtered) log at a glance: the one result of <c>GET …/summary</c> and the overview page's tiles.
/// </summary>
/// <param name="TimeBasis">The time basis of the log (it decides the order of each case's events, hence the variants).</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Number of cases.</param>
/// <param name="Events">Number of events.</param>
/// <param name="ActivityCount">Number of activities with at least one event.</param>
/// <param name="Variants">Number of variants.</param>
/// <param name="FirstTimestamp">The earliest event (UTC), or null.</param>
/// <param name="LastTimestamp">The latest event (UTC), or null.</param>
/// <param name="CaseDurationSeconds">Case durations (last minus first event).</param>
/// <param name="Activities">Activities by event count, most frequent first, ties by name.</param>
public sealed record LogSummary(
    TimeBasis TimeBasis,
    long Version,
    long Cases,
    long Events,
    long ActivityCount,
    long Variants,
    DateTimeOffset? FirstTimestamp,
    DateTimeOffset? LastTimestamp,
    DurationSummary CaseDurationSeconds,
    IReadOnlyList<ActivityCount> Activities)
{
    /// <summary>The summary of <paramref name="log"/>, discovered as <paramref name="discovery"/>, at <paramref name="version"/>.</summary>
    public static LogSummary From(EventLog log, DiscoveryResult discovery, long version)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(discovery);
        var activities = discovery.DirectlyFollowsGraph.ActivityStatistics
            .Where(a => a.Events > 0)
            .OrderByDescending(a => a.Events).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new ActivityCount(a.Name, a.Events, a.Cases))
            .ToList();
        DateTimeOffset? first = null, last = null;
        if (log.EventCount > 0)
        {
            long min = long.MaxValue, max = long.MinValue;
            foreach (var t in log.Timestamps)
            {
                min = Math.Min(min, t);
                max = Math.Max(max, t);
            }

            (first, last) = (new DateTimeOffset(min, TimeSpan.Zero), new DateTimeOffset(max, TimeSpan.Zero));
        }

        return new LogSummary(log.TimeBasis, version, log.CaseCount, log.EventCount, activities.Count, discovery.Variants.Variants.Count,
            first, last, DurationSummary.From(discovery.CaseDurations), activities);
    }
}
