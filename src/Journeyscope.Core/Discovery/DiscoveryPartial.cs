using System.Buffers;
using System.Diagnostics;
using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>
/// The mergeable partial result of discovery over a set of cases of one log: activity, start/end and edge counts,
/// every directly-follows duration, the variant table and every case duration.
/// </summary>
/// <remarks>
/// Compute one per chunk of cases with <see cref="Compute"/>, fold them together with <see cref="Merge"/> and turn
/// the total into results with <see cref="Finish"/>. Counts and sums merge by addition; durations are kept as exact
/// tick values, so medians and percentiles are exact and every chunking and merge order gives the same result.
/// A partial is mutable (Merge changes it) and not thread-safe; distinct partials can be computed concurrently.
/// The same kernel computes <see cref="ProcessMapStatistics"/>: restricted to kept activities, without case rows.
/// </remarks>
public sealed partial class DiscoveryPartial
{
    // Dense (from * A + to) edge lookup while it fits in 4 MB of scratch; a dictionary beyond.
    private const long DenseEdgeLimit = 1 << 20;

    private readonly EventLog _log;
    private readonly int _activityCount;

    // The process map's restriction: per activity code, whether its events are kept (null keeps all); events of hidden
    // activities are skipped on the fly, so every count is that of the projected log. The map needs no case rows.
    private readonly bool[]? _keep;
    private readonly bool _caseMeasures;
    private readonly long[]? _sourceEvents;
    private int _nonEmptyCases;

    // This partial's own pairs per edge, kept once merging adds other partials' counts to _edgeCount.
    private long[]? _ownEdgeCount;
    private readonly long[] _events;
    private readonly long[] _activityCases;
    private readonly long[] _reworkCases;
    private readonly long[] _selfLoops;
    private readonly long[] _startCounts;
    private readonly long[] _endCounts;

    private readonly GrowBuffer<int> _edgeFrom = new(64);
    private readonly GrowBuffer<int> _edgeTo = new(64);
    private readonly GrowBuffer<long> _edgeCount = new(64);
    private readonly GrowBuffer<long> _edgeCases = new(64);
    private Dictionary<long, int>? _edgeLookup;

    private readonly GrowBuffer<int> _pairEdge;
    private readonly GrowBuffer<long> _pairTicks;

    private readonly VariantTable _variants = new();
    private readonly GrowBuffer<long> _variantCases = new(64);
    private readonly GrowBuffer<int> _variantFirstCase = new(64);

    private readonly GrowBuffer<int> _caseIndex;
    private readonly GrowBuffer<int> _caseVariant;
    private readonly GrowBuffer<long> _caseTicks;

    // Merged partials are referenced, not copied: their own per-pair and per-case rows, with maps from their edge and
    // variant ids to ours. Finish reads them in place.
    private readonly List<Segment> _segments = [];
    private int _caseTotal;

    private DiscoveryPartial(EventLog log, bool[]? keep, bool caseMeasures, int caseCapacity, int pairCapacity)
    {
        _log = log;
        _activityCount = log.ActivityCount;
        _keep = keep;
        _caseMeasures = caseMeasures;
        _sourceEvents = keep is null ? null : new long[_activityCount];
        _events = new long[_activityCount];
        _activityCases = new long[_activityCount];
        _reworkCases = new long[_activityCount];
        _selfLoops = new long[_activityCount];
        _startCounts = new long[_activityCount];
        _endCounts = new long[_activityCount];
        // The map's partials live only until FinishMap: their pair rows come from the pool (ReleaseMap).
        _pairEdge = new GrowBuffer<int>(pairCapacity, pooled: !caseMeasures);
        _pairTicks = new GrowBuffer<long>(pairCapacity, pooled: !caseMeasures);
        _caseIndex = new GrowBuffer<int>(caseCapacity);
        _caseVariant = new GrowBuffer<int>(caseCapacity);
        _caseTicks = new GrowBuffer<long>(caseCapacity);
    }

    /// <summary>Number of cases this partial covers.</summary>
    public int CaseCount => _caseTotal;

    /// <summary>The log the partial was computed from; only partials of the same log merge.</summary>
    public EventLog Log => _log;

    /// <summary>
    /// Computes the partial result of cases <c>[firstCase, firstCase + caseCount)</c> of <paramref name="log"/> in one
    /// pass over their events.
    /// </summary>
    /// <remarks>O(events of the chunk); scratch arrays come from <see cref="ArrayPool{T}.Shared"/>.</remarks>
    public static DiscoveryPartial Compute(EventLog log, int firstCase, int caseCount)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegative(firstCase);
        ArgumentOutOfRangeException.ThrowIfNegative(caseCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)firstCase + caseCount, log.CaseCount, nameof(caseCount));
        return Scan(log, null, true, firstCase, caseCount);
    }

    /// <summary>
    /// The process map's partial of cases <c>[firstCase, firstCase + caseCount)</c>: the counts and edge durations of
    /// the log restricted to the kept activities, without variants and case durations (<see cref="FinishMap"/> only).
    /// </summary>
    /// <param name="log">The log.</param>
    /// <param name="keep">Per activity code, whether it is kept; null keeps every activity.</param>
    /// <param name="firstCase">The first case of the chunk.</param>
    /// <param name="caseCount">Number of cases in the chunk.</param>
    internal static DiscoveryPartial ComputeMap(EventLog log, bool[]? keep, int firstCase, int caseCount) =>
        Scan(log, keep, false, firstCase, caseCount);

    private static DiscoveryPartial Scan(EventLog log, bool[]? keep, bool caseMeasures, int firstCase, int caseCount)
    {
        Debug.Assert(keep is null || keep.Length == log.ActivityCount, "One flag per activity code.");
        Debug.Assert(keep is null || !caseMeasures, "Variants are those of the whole log.");
        var caseStarts = log.CaseStarts;
        var endCase = firstCase + caseCount;

        // The pairs of the whole chunk bound those of the projected one.
        var pairCount = 0;
        for (var c = firstCase; c < endCase; c++)
        {
            pairCount += Math.Max(0, caseStarts[c + 1] - caseStarts[c] - 1);
        }

        var partial = new DiscoveryPartial(log, keep, caseMeasures, caseMeasures ? caseCount : 0, pairCount);
        partial.Scan(firstCase, endCase, pairCount);
        partial._caseTotal = caseCount;
        return partial;
    }

    private void Scan(int firstCase, int endCase, int pairCount)
    {
        var activities = _log.Activities;
        var timestamps = _log.Timestamps;
        var caseStarts = _log.CaseStarts;
        var a = _activityCount;
        var keep = _keep;
        var caseMeasures = _caseMeasures;
        var dense = (long)a * a <= DenseEdgeLimit;
        var edgeSlots = dense ? ArrayPool<int>.Shared.Rent(Math.Max(1, a * a)) : null;
        var sparseSlots = dense ? null : new Dictionary<long, int>();
        var seenIn = ArrayPool<int>.Shared.Rent(Math.Max(1, a));
        var reworkIn = ArrayPool<int>.Shared.Rent(Math.Max(1, a));
        var edgeLastCase = new GrowBuffer<int>(64);
        var pairEdge = _pairEdge.Append(pairCount);
        var pairTicks = _pairTicks.Append(pairCount);
        var caseRows = caseMeasures ? endCase - firstCase : 0;
        var caseIndex = _caseIndex.Append(caseRows);
        var caseVariant = _caseVariant.Append(caseRows);
        var caseTicks = _caseTicks.Append(caseRows);
        var source = _sourceEvents.AsSpan();
        var events = _events.AsSpan();
        var activityCases = _activityCases.AsSpan();
        var pair = 0;
        var nonEmpty = 0;
        try
        {
            edgeSlots?.AsSpan(0, a * a).Fill(-1);
            seenIn.AsSpan(0, a).Fill(-1);
            reworkIn.AsSpan(0, a).Fill(-1);
            for (var c = firstCase; c < endCase; c++)
            {
                var start = caseStarts[c];
                var end = caseStarts[c + 1];
                var previous = -1;
                var previousTicks = 0L;
                var firstTicks = 0L;
                for (var i = start; i < end; i++)
                {
                    var activity = activities[i];
                    if (keep is not null)
                    {
                        source[activity]++;
                        if (!keep[activity])
                        {
                            continue;
                        }
                    }

                    events[activity]++;
                    if (seenIn[activity] != c)
                    {
                        seenIn[activity] = c;
                        activityCases[activity]++;
                    }
                    else if (reworkIn[activity] != c)
                    {
                        reworkIn[activity] = c;
                        _reworkCases[activity]++;
                    }

                    var ticks = timestamps[i];
                    if (previous < 0)
                    {
                        _startCounts[activity]++;
                        firstTicks = ticks;
                    }
                    else
                    {
                        if (previous == activity)
                        {
                            _selfLoops[activity]++;
                        }

                        var key = ((long)previous * a) + activity;
                        int slot;
                        if (edgeSlots is not null)
                        {
                            slot = edgeSlots[key];
                            if (slot < 0)
                            {
                                slot = AddEdge(previous, activity);
                                edgeSlots[key] = slot;
                                edgeLastCase.Add(-1);
                            }
                        }
                        else if (!sparseSlots!.TryGetValue(key, out slot))
                        {
                            slot = AddEdge(previous, activity);
                            sparseSlots[key] = slot;
                            edgeLastCase.Add(-1);
                        }

                        _edgeCount[slot]++;
                        if (edgeLastCase[slot] != c)
                        {
                            edgeLastCase[slot] = c;
                            _edgeCases[slot]++;
                        }

                        pairEdge[pair] = slot;
                        pairTicks[pair] = ticks - previousTicks;
                        pair++;
                    }

                    previous = activity;
                    previousTicks = ticks;
                }

                if (previous >= 0)
                {
                    _endCounts[previous]++;
                    nonEmpty++;
                }

                if (caseMeasures)
                {
                    var trace = activities[start..end];
                    var variant = _variants.GetOrAdd(trace, VariantTable.ComputeHash(trace), out var added);
                    if (added)
                    {
                        _variantCases.Add(0);
                        _variantFirstCase.Add(c);
                    }

                    _variantCases[variant]++;
                    var row = c - firstCase;
                    caseIndex[row] = c;
                    caseVariant[row] = variant;
                    caseTicks[row] = previousTicks - firstTicks;
                }
            }
        }
        finally
        {
            if (edgeSlots is not null)
            {
                ArrayPool<int>.Shared.Return(edgeSlots);
            }

            ArrayPool<int>.Shared.Return(seenIn);
            ArrayPool<int>.Shared.Return(reworkIn);
        }

        // Pairs with a hidden event were never written.
        _pairEdge.Truncate(pair);
        _pairTicks.Truncate(pair);
        _nonEmptyCases = nonEmpty;
    }

    private int AddEdge(int from, int to)
    {
        var slot = _edgeFrom.Count;
        _edgeFrom.Add(from);
        _edgeTo.Add(to);
        _edgeCount.Add(0);
        _edgeCases.Add(0);
        _edgeLookup?.Add(((long)from * _activityCount) + to, slot);
        return slot;
    }
}
