using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>
/// The directly-follows graph of a log: which activity directly follows which inside a case, how often, in how many
/// cases; where cases start and end; how often each activity happens.
/// </summary>
/// <remarks>
/// Activity codes are the log's own (<see cref="EventLog.ActivityNames"/>); an activity of the dictionary with no
/// event (possible after a filter) has zero counts and no edges. Edges are ordered by count descending, then by
/// source and target code. Immutable and thread-safe.
/// </remarks>
public sealed class DirectlyFollowsGraph
{
    private readonly long[] _startCounts;
    private readonly long[] _endCounts;

    internal DirectlyFollowsGraph(
        IReadOnlyList<string> activities,
        ActivityStatistics[] activityStatistics,
        DirectlyFollowsEdge[] edges,
        long[] startCounts,
        long[] endCounts,
        long caseCount,
        TimeBasis timeBasis)
    {
        Activities = activities;
        ActivityStatistics = activityStatistics;
        Edges = edges;
        _startCounts = startCounts;
        _endCounts = endCounts;
        CaseCount = caseCount;
        TimeBasis = timeBasis;
    }

    /// <summary>The activity name of each activity code.</summary>
    public IReadOnlyList<string> Activities { get; }

    /// <summary>Per-activity statistics, indexed by activity code.</summary>
    public IReadOnlyList<ActivityStatistics> ActivityStatistics { get; }

    /// <summary>The edges, by count descending, then source and target code.</summary>
    public IReadOnlyList<DirectlyFollowsEdge> Edges { get; }

    /// <summary>Number of cases whose first event has each activity, indexed by activity code.</summary>
    public ReadOnlySpan<long> StartActivityCounts => _startCounts;

    /// <summary>Number of cases whose last event has each activity, indexed by activity code.</summary>
    public ReadOnlySpan<long> EndActivityCounts => _endCounts;

    /// <summary>Number of cases in the log.</summary>
    public long CaseCount { get; }

    /// <summary>The time basis of the log it was discovered from (frequencies do not depend on it, except for order ties).</summary>
    public TimeBasis TimeBasis { get; }

    /// <summary>The edge from <paramref name="from"/> to <paramref name="to"/> (activity names), or null.</summary>
    public DirectlyFollowsEdge? FindEdge(string from, string to)
    {
        foreach (var edge in Edges)
        {
            if (string.Equals(Activities[edge.From], from, StringComparison.Ordinal)
                && string.Equals(Activities[edge.To], to, StringComparison.Ordinal))
            {
                return edge;
            }
        }

        return null;
    }

    /// <summary>Discovers the directly-follows graph of <paramref name="log"/>.</summary>
    /// <remarks>One parallel pass over the cases; see <see cref="DiscoveryResult.Discover"/>.</remarks>
    public static DirectlyFollowsGraph Discover(EventLog log, DiscoveryOptions? options = null, CancellationToken cancellationToken = default) =>
        DiscoveryResult.Discover(log, options, cancellationToken).DirectlyFollowsGraph;
}
