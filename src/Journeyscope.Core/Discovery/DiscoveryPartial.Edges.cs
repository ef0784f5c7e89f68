namespace Journeyscope.Discovery;

public sealed partial class DiscoveryPartial
{
    /// <summary>The edge slots by count descending, then source and target code (the graph's edge order).</summary>
    private int[] EdgeOrder()
    {
        var keys = new (long NegatedCount, int From, int To, int Slot)[_edgeFrom.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (-_edgeCount[i], _edgeFrom[i], _edgeTo[i], i);
        }

        Array.Sort(keys);
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = keys[i].Slot;
        }

        return order;
    }

    /// <summary>The directly-follows graph of the counts, edges in <paramref name="order"/>.</summary>
    private DirectlyFollowsGraph Graph(int[] order, long caseCount)
    {
        var names = _log.ActivityNames;
        var statistics = new ActivityStatistics[_activityCount];
        for (var i = 0; i < _activityCount; i++)
        {
            statistics[i] = new ActivityStatistics(i, names[i], _events[i], _activityCases[i], _reworkCases[i], _selfLoops[i]);
        }

        var edges = new DirectlyFollowsEdge[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var slot = order[i];
            edges[i] = new DirectlyFollowsEdge(_edgeFrom[slot], _edgeTo[slot], _edgeCount[slot], _edgeCases[slot]);
        }

        return new DirectlyFollowsGraph(
            names, statistics, edges, (long[])_startCounts.Clone(), (long[])_endCounts.Clone(), caseCount, _log.TimeBasis);
    }

    /// <summary>
    /// Every pair duration of this partial and of the merged ones, grouped by edge: a counting sort whose edges into the
    /// same activity are adjacent (by target code), so that an activity's waits are one run too.
    /// </summary>
    private EdgeDurations ScatterDurations(ParallelOptions parallel)
    {
        var edgeCount = _edgeFrom.Count;
        var byTarget = new int[edgeCount];
        var targets = new int[edgeCount];
        for (var i = 0; i < edgeCount; i++)
        {
            byTarget[i] = i;
            targets[i] = _edgeTo[i];
        }

        Array.Sort(targets, byTarget);
        var offsets = new int[edgeCount];
        var activityOffsets = new int[_activityCount + 1];
        var at = 0;
        foreach (var slot in byTarget)
        {
            offsets[slot] = at;
            at += (int)_edgeCount[slot];
            activityOffsets[_edgeTo[slot] + 1] = at;
        }

        for (var b = 1; b <= _activityCount; b++)
        {
            activityOffsets[b] = Math.Max(activityOffsets[b], activityOffsets[b - 1]);
        }

        // Each partial writes its pairs of an edge after those of the partials merged before it, all in parallel.
        var sources = new DiscoveryPartial[_segments.Count + 1];
        var cursors = new int[sources.Length][];
        var cursor = (int[])offsets.Clone();
        for (var k = 0; k < sources.Length; k++)
        {
            var source = sources[k] = k == 0 ? this : _segments[k - 1].Source;
            var map = k == 0 ? null : _segments[k - 1].EdgeMap;
            ReadOnlySpan<long> own = source._ownEdgeCount ?? source._edgeCount.Span;
            var local = cursors[k] = new int[own.Length];
            for (var e = 0; e < local.Length; e++)
            {
                var slot = map is null ? e : map[e];
                local[e] = cursor[slot];
                cursor[slot] += (int)own[e];
            }
        }

        var values = new long[at];
        Parallel.For(0, sources.Length, parallel, k => Scatter(sources[k]._pairEdge.Span, sources[k]._pairTicks.Span, cursors[k], values));
        return new EdgeDurations(values, offsets, activityOffsets);
    }

    private static void Scatter(ReadOnlySpan<int> pairEdge, ReadOnlySpan<long> pairTicks, int[] cursor, long[] values)
    {
        for (var i = 0; i < pairEdge.Length; i++)
        {
            values[cursor[pairEdge[i]]++] = pairTicks[i];
        }
    }

    /// <summary>The seconds of every edge, in <paramref name="order"/>. Reorders the runs of <paramref name="durations"/>.</summary>
    private EdgePerformance[] EdgePerformances(int[] order, EdgeDurations durations, ParallelOptions parallel)
    {
        var result = new EdgePerformance[order.Length];
        Parallel.For(0, order.Length, parallel, i =>
        {
            var slot = order[i];
            result[i] = Performance(_edgeFrom[slot], _edgeTo[slot], durations.Edge(slot, _edgeCount[slot]));
        });
        return result;
    }

    /// <summary>Count, mean, median, extremes, total, deviation and 90th percentile of one edge (reorders the run).</summary>
    private static EdgePerformance Performance(int from, int to, Span<long> run)
    {
        var sum = 0L;
        var min = long.MaxValue;
        var max = long.MinValue;
        foreach (var value in run)
        {
            sum += value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        var deviation = SortedStatistics.SampleStandardDeviation(run, sum);
        return new EdgePerformance(
            from,
            to,
            run.Length,
            SortedStatistics.Seconds(sum) / run.Length,
            OrderStatistics.Median(run),
            SortedStatistics.Seconds(min),
            SortedStatistics.Seconds(max),
            SortedStatistics.Seconds(sum),
            deviation,
            OrderStatistics.Percentile(run, 0.90));
    }

    /// <summary>Pair durations in ticks grouped by edge slot, the edges into one activity adjacent.</summary>
    private sealed class EdgeDurations(long[] values, int[] offsets, int[] activityOffsets)
    {
        /// <summary>The durations of the edge in <paramref name="slot"/>, which has <paramref name="count"/> pairs.</summary>
        public Span<long> Edge(int slot, long count) => values.AsSpan(offsets[slot], (int)count);

        /// <summary>The durations of every edge into <paramref name="activity"/>: the waits before its events.</summary>
        public Span<long> Into(int activity) =>
            values.AsSpan(activityOffsets[activity], activityOffsets[activity + 1] - activityOffsets[activity]);
    }
}
