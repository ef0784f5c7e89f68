using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>
/// A simplified process map, as Disco's sliders produce it: the most frequent activities (activity slider) and the most
/// significant edges between them (path slider), with counts that stay true to the log filtered to the kept activities.
/// </summary>
/// <remarks>
/// <para>
/// The activity slider removes the events of the hidden activities from the log (the <see cref="Log">projected log</see>)
/// and discovers the map again on it. An edge therefore joins two kept activities wherever the hidden ones sat between
/// them: hiding B in A→B→C gives an edge A→C. Node counts (events, cases, start and end counts) and edge counts are
/// exactly those of the projected log.
/// </para>
/// <para>
/// The path slider then hides the least frequent edges, including the edges from the artificial start node (▶) and to the
/// artificial end node (■). Hidden edges are hidden, never redistributed onto other edges. Edges are added back so that
/// every kept activity stays reachable from start and can reach end. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed partial class ProcessMap
{
    private ProcessMap(
        EventLog log,
        DiscoveryResult discovery,
        ProcessMapActivity[] activities,
        ProcessMapEdge[] edges,
        ProcessMapTerminalEdge[] startEdges,
        ProcessMapTerminalEdge[] endEdges,
        int hiddenActivityCount,
        int hiddenEdgeCount,
        int hiddenTerminalEdgeCount,
        double activityCoverage,
        double pathCoverage)
    {
        Log = log;
        Discovery = discovery;
        Activities = activities;
        Edges = edges;
        StartEdges = startEdges;
        EndEdges = endEdges;
        HiddenActivityCount = hiddenActivityCount;
        HiddenEdgeCount = hiddenEdgeCount;
        HiddenTerminalEdgeCount = hiddenTerminalEdgeCount;
        ActivityCoverage = activityCoverage;
        PathCoverage = pathCoverage;
    }

    /// <summary>The projected log: the input log (in the requested time basis) without the events of hidden activities.</summary>
    public EventLog Log { get; }

    /// <summary>The full discovery of <see cref="Log"/> (every edge, before the path slider), with variants and durations.</summary>
    public DiscoveryResult Discovery { get; }

    /// <summary>The activity name of each activity code.</summary>
    public IReadOnlyList<string> ActivityNames => Log.ActivityNames;

    /// <summary>The kept activities, by event count descending, then activity code.</summary>
    public IReadOnlyList<ProcessMapActivity> Activities { get; }

    /// <summary>The kept edges between activities, by count descending, then source and target code.</summary>
    public IReadOnlyList<ProcessMapEdge> Edges { get; }

    /// <summary>The kept edges from the start node, by count descending, then activity code.</summary>
    public IReadOnlyList<ProcessMapTerminalEdge> StartEdges { get; }

    /// <summary>The kept edges to the end node, by count descending, then activity code.</summary>
    public IReadOnlyList<ProcessMapTerminalEdge> EndEdges { get; }

    /// <summary>Number of cases of the projected log.</summary>
    public long CaseCount => Discovery.DirectlyFollowsGraph.CaseCount;

    /// <summary>Number of activities of the input log (with at least one event) hidden by the activity slider.</summary>
    public int HiddenActivityCount { get; }

    /// <summary>Number of edges between activities of the projected log hidden by the path slider.</summary>
    public int HiddenEdgeCount { get; }

    /// <summary>Number of start and end edges of the projected log hidden by the path slider.</summary>
    public int HiddenTerminalEdgeCount { get; }

    /// <summary>The share of the input log's events that belong to kept activities (1 for an empty log).</summary>
    public double ActivityCoverage { get; }

    /// <summary>
    /// The share of all edge counts of the projected log (start and end edges included) carried by the kept edges
    /// (1 when there is no edge).
    /// </summary>
    public double PathCoverage { get; }

    /// <summary>The kept activity named <paramref name="name"/>, or null.</summary>
    public ProcessMapActivity? FindActivity(string name)
    {
        foreach (var activity in Activities)
        {
            if (string.Equals(activity.Name, name, StringComparison.Ordinal))
            {
                return activity;
            }
        }

        return null;
    }

    /// <summary>The kept edge from <paramref name="from"/> to <paramref name="to"/> (activity names), or null.</summary>
    public ProcessMapEdge? FindEdge(string from, string to)
    {
        var names = ActivityNames;
        foreach (var edge in Edges)
        {
            if (string.Equals(names[edge.From], from, StringComparison.Ordinal)
                && string.Equals(names[edge.To], to, StringComparison.Ordinal))
            {
                return edge;
            }
        }

        return null;
    }

    /// <summary>Builds the process map of <paramref name="log"/> with the sliders of <paramref name="options"/>.</summary>
    /// <remarks>
    /// O(n) to count and project the events, one discovery pass over the projected log, then work on the graph only:
    /// O(E log E) to rank the edges and O(V·E) at worst to restore connectivity.
    /// </remarks>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ProcessMap Build(EventLog log, ProcessMapOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        options ??= ProcessMapOptions.Default;
        options.Validate();
        if (options.TimeBasis is { } basis)
        {
            log = log.ToTimeBasis(basis);
        }

        var ranked = RankActivities(log, out var eventCounts);
        var keptCount = KeptActivityCount(ranked, eventCounts, log.EventCount, options.ActivityCoverage);
        var keep = new bool[log.ActivityCount];
        long keptEvents = 0;
        for (var i = 0; i < keptCount; i++)
        {
            keep[ranked[i]] = true;
            keptEvents += eventCounts[ranked[i]];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var projected = keptEvents == log.EventCount ? log : Project(log, keep, keptEvents);
        var discovery = DiscoveryResult.Discover(projected, DiscoveryOptions.Default, cancellationToken);
        var graph = discovery.DirectlyFollowsGraph;

        var activities = new ProcessMapActivity[keptCount];
        for (var i = 0; i < keptCount; i++)
        {
            var a = ranked[i];
            var s = graph.ActivityStatistics[a];
            activities[i] = new ProcessMapActivity(a, s.Name, s.Events, s.Cases, graph.StartActivityCounts[a], graph.EndActivityCounts[a]);
        }

        var paths = PathSlider.Apply(graph, options.PathCoverage);
        var edges = new ProcessMapEdge[paths.KeptEdges.Length];
        var performance = discovery.PerformanceDfg.Edges;
        for (var i = 0; i < edges.Length; i++)
        {
            var index = paths.KeptEdges[i];
            var edge = graph.Edges[index];
            edges[i] = new ProcessMapEdge(edge.From, edge.To, edge.Count, edge.CaseCount, performance[index]);
        }

        return new ProcessMap(
            projected,
            discovery,
            activities,
            edges,
            paths.StartEdges,
            paths.EndEdges,
            ranked.Length - keptCount,
            graph.Edges.Count - edges.Length,
            paths.HiddenTerminalEdges,
            log.EventCount == 0 ? 1.0 : (double)keptEvents / log.EventCount,
            paths.Coverage);
    }

    /// <summary>The codes of the activities with at least one event, by event count descending, then code.</summary>
    private static int[] RankActivities(EventLog log, out long[] eventCounts)
    {
        var counts = new long[log.ActivityCount];
        foreach (var a in log.Activities)
        {
            counts[a]++;
        }

        var present = 0;
        foreach (var count in counts)
        {
            present += count > 0 ? 1 : 0;
        }

        var ranked = new int[present];
        for (int a = 0, k = 0; a < counts.Length; a++)
        {
            if (counts[a] > 0)
            {
                ranked[k++] = a;
            }
        }

        Array.Sort(ranked, (x, y) =>
        {
            var byCount = counts[y].CompareTo(counts[x]);
            return byCount != 0 ? byCount : x.CompareTo(y);
        });
        eventCounts = counts;
        return ranked;
    }

    /// <summary>The length of the smallest prefix of <paramref name="ranked"/> covering the share (at least 1 when any).</summary>
    private static int KeptActivityCount(int[] ranked, long[] eventCounts, long totalEvents, double coverage)
    {
        var target = coverage * totalEvents;
        long covered = 0;
        for (var i = 0; i < ranked.Length; i++)
        {
            if (i > 0 && covered >= target)
            {
                return i;
            }

            covered += eventCounts[ranked[i]];
        }

        return ranked.Length;
    }

    private static EventLog Project(EventLog log, bool[] keep, long keptEvents)
    {
        var rows = new int[keptEvents];
        var activities = log.Activities;
        for (int e = 0, k = 0; e < activities.Length; e++)
        {
            if (keep[activities[e]])
            {
                rows[k++] = e;
            }
        }

        return log.SelectEvents(rows);
    }
}
