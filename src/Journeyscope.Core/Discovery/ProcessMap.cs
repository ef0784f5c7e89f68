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
    private readonly Lazy<DiscoveryResult> _discovery;

    private ProcessMap(
        ProcessMapStatistics statistics,
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
        Statistics = statistics;
        Activities = activities;
        Edges = edges;
        StartEdges = startEdges;
        EndEdges = endEdges;
        HiddenActivityCount = hiddenActivityCount;
        HiddenEdgeCount = hiddenEdgeCount;
        HiddenTerminalEdgeCount = hiddenTerminalEdgeCount;
        ActivityCoverage = activityCoverage;
        PathCoverage = pathCoverage;
        _discovery = new Lazy<DiscoveryResult>(() => DiscoveryResult.Discover(statistics.ProjectedLog));
    }

    /// <summary>The statistics the map was drawn from: the graph, edge seconds and waits of the projected log.</summary>
    public ProcessMapStatistics Statistics { get; }

    /// <summary>
    /// The projected log: the input log (in the requested time basis) without the events of hidden activities.
    /// Materialised on first use.
    /// </summary>
    public EventLog Log => Statistics.ProjectedLog;

    /// <summary>
    /// The full discovery of <see cref="Log"/> (every edge, before the path slider), with variants and durations. Computed on
    /// first use: the map itself needs only <see cref="Statistics"/>.
    /// </summary>
    public DiscoveryResult Discovery => _discovery.Value;

    /// <summary>The activity name of each activity code.</summary>
    public IReadOnlyList<string> ActivityNames => Statistics.Log.ActivityNames;

    /// <summary>The kept activities, by event count descending, then activity code.</summary>
    public IReadOnlyList<ProcessMapActivity> Activities { get; }

    /// <summary>The kept edges between activities, by count descending, then source and target code.</summary>
    public IReadOnlyList<ProcessMapEdge> Edges { get; }

    /// <summary>The kept edges from the start node, by count descending, then activity code.</summary>
    public IReadOnlyList<ProcessMapTerminalEdge> StartEdges { get; }

    /// <summary>The kept edges to the end node, by count descending, then activity code.</summary>
    public IReadOnlyList<ProcessMapTerminalEdge> EndEdges { get; }

    /// <summary>Number of cases of the projected log.</summary>
    public long CaseCount => Statistics.DirectlyFollowsGraph.CaseCount;

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
    /// O(n) to count the events per activity, one pass over the log restricted to the kept activities
    /// (<see cref="ProcessMapStatistics.Discover"/>), then work on the graph only: O(E log E) to rank the edges and O(V·E)
    /// at worst to restore connectivity.
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

        var counts = new long[log.ActivityCount];
        foreach (var a in log.Activities)
        {
            counts[a]++;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var kept = ProcessMapStatistics.SelectActivities(counts, log.EventCount, options.ActivityCoverage);
        var statistics = ProcessMapStatistics.Discover(log, kept, DiscoveryOptions.Default, cancellationToken);
        return Build(statistics, options.PathCoverage);
    }

    /// <summary>
    /// Builds the process map of <paramref name="statistics"/> (whose kept activities are the activity slider's choice,
    /// see <see cref="ProcessMapStatistics.SelectActivities(double)"/>) with the path slider at <paramref name="pathCoverage"/>.
    /// </summary>
    /// <remarks>Works on the graph only, never on the events: this is what moving the path slider costs.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pathCoverage"/> is not in [0, 1].</exception>
    public static ProcessMap Build(ProcessMapStatistics statistics, double pathCoverage)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (!(pathCoverage >= 0.0 && pathCoverage <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(pathCoverage), pathCoverage, "Use a share between 0 and 1.");
        }

        var graph = statistics.DirectlyFollowsGraph;
        var ranked = ProcessMapStatistics.Rank(statistics.SourceEventCounts);
        var kept = statistics.KeptActivities;
        var keptCount = 0;
        foreach (var a in ranked)
        {
            keptCount += kept[a] ? 1 : 0;
        }

        var activities = new ProcessMapActivity[keptCount];
        for (int i = 0, k = 0; i < ranked.Length; i++)
        {
            var a = ranked[i];
            if (kept[a])
            {
                var s = graph.ActivityStatistics[a];
                activities[k++] = new ProcessMapActivity(a, s.Name, s.Events, s.Cases, graph.StartActivityCounts[a], graph.EndActivityCounts[a]);
            }
        }

        var paths = PathSlider.Apply(graph, pathCoverage);
        var edges = new ProcessMapEdge[paths.KeptEdges.Length];
        var performance = statistics.EdgePerformance;
        for (var i = 0; i < edges.Length; i++)
        {
            var index = paths.KeptEdges[i];
            var edge = graph.Edges[index];
            edges[i] = new ProcessMapEdge(edge.From, edge.To, edge.Count, edge.CaseCount, performance[index]);
        }

        return new ProcessMap(
            statistics,
            activities,
            edges,
            paths.StartEdges,
            paths.EndEdges,
            ranked.Length - keptCount,
            graph.Edges.Count - edges.Length,
            paths.HiddenTerminalEdges,
            statistics.SourceEventCount == 0 ? 1.0 : (double)statistics.KeptEventCount / statistics.SourceEventCount,
            paths.Coverage);
    }
}
