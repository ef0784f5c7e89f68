using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>
/// Everything a <see cref="ProcessMap"/> shows before its path slider applies, for a log restricted to a set of kept
/// activities: the directly-follows graph, the seconds of every edge, the waits before each activity, and the event
/// count of every activity in the whole log (which the activity slider ranks).
/// </summary>
/// <remarks>
/// <para>
/// Restricting to kept activities is the activity slider's projection: the events of hidden activities are skipped, so
/// hiding B in A→B→C gives an edge A→C, and every count is that of the projected log — without materialising it.
/// </para>
/// <para>
/// Computed by the discovery kernel (<see cref="DiscoveryPartial"/>, without variants and case durations) in one pass
/// over the struct-of-arrays log, in parallel over chunks of cases whose partial counts merge by addition; the durations
/// are scattered by edge and their medians and percentiles found by selection, exactly as in
/// <see cref="DiscoveryResult"/>. Moving the
/// path slider needs only <see cref="ProcessMap.Build(ProcessMapStatistics, double)"/> on the same statistics; moving
/// the activity slider needs new statistics only when the set of kept activities changes. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed partial class ProcessMapStatistics
{
    private readonly bool[] _kept;
    private readonly long[] _sourceEvents;
    private readonly Lazy<EventLog> _projected;

    private ProcessMapStatistics(
        EventLog log,
        bool[] kept,
        long[] sourceEvents,
        DirectlyFollowsGraph graph,
        EdgePerformance[] performance,
        ActivityWait[] waits)
    {
        Log = log;
        _kept = kept;
        _sourceEvents = sourceEvents;
        DirectlyFollowsGraph = graph;
        EdgePerformance = performance;
        Waits = waits;
        long total = 0, keptEvents = 0;
        for (var a = 0; a < sourceEvents.Length; a++)
        {
            total += sourceEvents[a];
            keptEvents += kept[a] ? sourceEvents[a] : 0;
        }

        SourceEventCount = total;
        KeptEventCount = keptEvents;
        _projected = new Lazy<EventLog>(Project);
    }

    /// <summary>The log the statistics were computed from (before the projection).</summary>
    public EventLog Log { get; }

    /// <summary>Per activity code, whether the activity is kept (activities without events count as kept).</summary>
    public ReadOnlySpan<bool> KeptActivities => _kept;

    /// <summary>Per activity code, its number of events in <see cref="Log"/> (hidden activities included).</summary>
    public ReadOnlySpan<long> SourceEventCounts => _sourceEvents;

    /// <summary>Number of events of <see cref="Log"/>.</summary>
    public long SourceEventCount { get; }

    /// <summary>Number of events of kept activities: the events of the projected log.</summary>
    public long KeptEventCount { get; }

    /// <summary>
    /// The directly-follows graph of the projected log. Its case count is that of the projected log: cases left without
    /// events are not counted, unless nothing is hidden (then it is <see cref="EventLog.CaseCount"/>).
    /// </summary>
    public DirectlyFollowsGraph DirectlyFollowsGraph { get; }

    /// <summary>The seconds of every edge, in the order of <see cref="DirectlyFollowsGraph.Edges"/>.</summary>
    public IReadOnlyList<EdgePerformance> EdgePerformance { get; }

    /// <summary>The waits before the events of each activity in the projected log, indexed by activity code.</summary>
    public IReadOnlyList<ActivityWait> Waits { get; }

    /// <summary>
    /// The projected log: <see cref="Log"/> without the events of hidden activities (and cases left without events);
    /// <see cref="Log"/> itself when nothing is hidden. Materialised on first use only.
    /// </summary>
    public EventLog ProjectedLog => _projected.Value;

    /// <summary>
    /// The activities the activity slider keeps at <paramref name="activityCoverage"/>: the most frequent ones (by event
    /// count in <see cref="Log"/>, ties by code) whose events cover at least that share of all events, at least one.
    /// </summary>
    /// <returns>Per activity code, whether it is kept; activities without events are kept (they have nothing to hide).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="activityCoverage"/> is not in [0, 1].</exception>
    public bool[] SelectActivities(double activityCoverage)
    {
        if (!(activityCoverage >= 0.0 && activityCoverage <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(activityCoverage), activityCoverage, "Use a share between 0 and 1.");
        }

        return SelectActivities(_sourceEvents, SourceEventCount, activityCoverage);
    }

    /// <summary>
    /// Computes the statistics of <paramref name="log"/> restricted to <paramref name="keptActivities"/> in one parallel
    /// pass over the cases.
    /// </summary>
    /// <param name="log">The log, in the time basis to measure in.</param>
    /// <param name="keptActivities">Per activity code, whether it is kept; empty keeps every activity.</param>
    /// <param name="options">Chunk size and degree of parallelism (the time basis option is ignored); the defaults when null.</param>
    /// <param name="cancellationToken">Checked once per chunk.</param>
    /// <remarks>O(n) expected; scratch comes from the array pool. The result does not depend on the chunking.</remarks>
    /// <exception cref="ArgumentException"><paramref name="keptActivities"/> is neither empty nor one flag per activity code.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ProcessMapStatistics Discover(
        EventLog log, ReadOnlySpan<bool> keptActivities = default, DiscoveryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!keptActivities.IsEmpty && keptActivities.Length != log.ActivityCount)
        {
            throw new ArgumentException(
                $"Give one flag per activity code ({log.ActivityCount}), or none to keep every activity; got {keptActivities.Length}.",
                nameof(keptActivities));
        }

        options ??= DiscoveryOptions.Default;
        options.Validate();
        var kept = keptActivities.IsEmpty ? AllKept(log.ActivityCount) : keptActivities.ToArray();
        var keep = Array.TrueForAll(kept, static k => k) ? null : kept;
        var partials = ParallelCases.Map(
            log,
            options.ChunkSize,
            options.MaxDegreeOfParallelism,
            (chunkLog, first, count) => DiscoveryPartial.ComputeMap(chunkLog, keep, first, count),
            cancellationToken);
        var total = partials.Length == 0 ? DiscoveryPartial.ComputeMap(log, keep, 0, 0) : partials[0];
        try
        {
            for (var k = 1; k < partials.Length; k++)
            {
                total.Merge(partials[k]);
            }

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
            var parts = total.FinishMap(parallel);
            return new ProcessMapStatistics(log, kept, parts.SourceEvents, parts.Graph, parts.Performance, parts.Waits);
        }
        finally
        {
            // Releasing is idempotent: total returns the merged partials' rows, the loop any left when a merge failed.
            total.ReleaseMap();
            foreach (var partial in partials)
            {
                partial.ReleaseMap();
            }
        }
    }

    internal static bool[] SelectActivities(ReadOnlySpan<long> eventCounts, long totalEvents, double coverage)
    {
        var ranked = Rank(eventCounts);
        var target = coverage * totalEvents;
        var kept = AllKept(eventCounts.Length);
        foreach (var a in ranked)
        {
            kept[a] = false;
        }

        long covered = 0;
        for (var i = 0; i < ranked.Length; i++)
        {
            if (i > 0 && covered >= target)
            {
                break;
            }

            kept[ranked[i]] = true;
            covered += eventCounts[ranked[i]];
        }

        return kept;
    }

    /// <summary>The codes of the activities with at least one event, by event count descending, then code.</summary>
    internal static int[] Rank(ReadOnlySpan<long> eventCounts)
    {
        var present = 0;
        foreach (var count in eventCounts)
        {
            present += count > 0 ? 1 : 0;
        }

        var ranked = new int[present];
        var keys = new long[present];
        for (int a = 0, k = 0; a < eventCounts.Length; a++)
        {
            if (eventCounts[a] > 0)
            {
                ranked[k] = a;
                keys[k++] = eventCounts[a];
            }
        }

        // By count descending, then code: sort (count, code) pairs packed so that ties fall back on the code.
        var order = new (long NegatedCount, int Code)[present];
        for (var i = 0; i < present; i++)
        {
            order[i] = (-keys[i], ranked[i]);
        }

        Array.Sort(order);
        for (var i = 0; i < present; i++)
        {
            ranked[i] = order[i].Code;
        }

        return ranked;
    }

    private static bool[] AllKept(int activityCount)
    {
        var kept = new bool[activityCount];
        kept.AsSpan().Fill(true);
        return kept;
    }

    private EventLog Project()
    {
        if (KeptEventCount == SourceEventCount)
        {
            return Log;
        }

        var rows = new int[KeptEventCount];
        var activities = Log.Activities;
        for (int e = 0, k = 0; e < activities.Length; e++)
        {
            if (_kept[activities[e]])
            {
                rows[k++] = e;
            }
        }

        return Log.SelectEvents(rows);
    }
}
