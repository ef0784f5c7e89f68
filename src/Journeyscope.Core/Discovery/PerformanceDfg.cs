using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>The performance view of the directly-follows graph: the seconds between directly-following events, per edge.</summary>
/// <remarks>
/// Each occurrence of an edge contributes the timestamp of the later event minus that of the earlier one. Statistics
/// are exact (every value is kept and sorted). Edges are in the same order as
/// <see cref="DirectlyFollowsGraph.Edges"/>. Immutable and thread-safe.
/// </remarks>
public sealed class PerformanceDfg
{
    internal PerformanceDfg(IReadOnlyList<string> activities, EdgePerformance[] edges, TimeBasis timeBasis)
    {
        Activities = activities;
        Edges = edges;
        TimeBasis = timeBasis;
    }

    /// <summary>The activity name of each activity code.</summary>
    public IReadOnlyList<string> Activities { get; }

    /// <summary>Per-edge performance, by count descending, then source and target code.</summary>
    public IReadOnlyList<EdgePerformance> Edges { get; }

    /// <summary>The time basis the seconds were measured in.</summary>
    public TimeBasis TimeBasis { get; }

    /// <summary>The edge from <paramref name="from"/> to <paramref name="to"/> (activity names), or null.</summary>
    public EdgePerformance? FindEdge(string from, string to)
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

    /// <summary>Discovers the performance directly-follows graph of <paramref name="log"/>.</summary>
    public static PerformanceDfg Discover(EventLog log, DiscoveryOptions? options = null, CancellationToken cancellationToken = default) =>
        DiscoveryResult.Discover(log, options, cancellationToken).PerformanceDfg;
}
