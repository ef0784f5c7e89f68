using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

public sealed partial class ProcessMapStatistics
{
    /// <summary>Merges the chunk partials: counts add, edges unify by (from, to), durations scatter by edge.</summary>
    private static ProcessMapStatistics Finish(
        EventLog log, bool[] kept, ProcessMapPartial[] partials, DiscoveryOptions options, CancellationToken cancellationToken)
    {
        var a = log.ActivityCount;
        var source = new long[a];
        var events = new long[a];
        var cases = new long[a];
        var rework = new long[a];
        var selfLoops = new long[a];
        var starts = new long[a];
        var ends = new long[a];
        long nonEmptyCases = 0;

        // Global edges in order of first appearance (chunk order), with each chunk's map from its edges to them.
        var edgeIds = new Dictionary<long, int>();
        var from = new GrowBuffer<int>(64);
        var to = new GrowBuffer<int>(64);
        var count = new GrowBuffer<long>(64);
        var edgeCases = new GrowBuffer<long>(64);
        var maps = new int[partials.Length][];
        for (var k = 0; k < partials.Length; k++)
        {
            var p = partials[k];
            Add(source, p.SourceEvents);
            Add(events, p.Events);
            Add(cases, p.Cases);
            Add(rework, p.ReworkCases);
            Add(selfLoops, p.SelfLoops);
            Add(starts, p.Starts);
            Add(ends, p.Ends);
            nonEmptyCases += p.CaseCount;
            var map = maps[k] = new int[p.EdgeFrom.Count];
            for (var e = 0; e < map.Length; e++)
            {
                var key = ((long)p.EdgeFrom[e] * a) + p.EdgeTo[e];
                if (!edgeIds.TryGetValue(key, out var id))
                {
                    id = from.Count;
                    edgeIds.Add(key, id);
                    from.Add(p.EdgeFrom[e]);
                    to.Add(p.EdgeTo[e]);
                    count.Add(0);
                    edgeCases.Add(0);
                }

                count[id] += p.EdgeCount[e];
                edgeCases[id] += p.EdgeCases[e];
                map[e] = id;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var edgeCount = from.Count;
        var order = EdgeOrder(from.Span, to.Span, count.Span);

        // Value layout: the edges into each activity are adjacent (by target code), so that an activity's waits are one
        // run; each chunk writes its pairs of an edge after those of the chunks before it.
        var byTarget = new int[edgeCount];
        var targets = new int[edgeCount];
        for (var i = 0; i < edgeCount; i++)
        {
            byTarget[i] = i;
            targets[i] = to[i];
        }

        Array.Sort(targets, byTarget);
        var offsets = new int[edgeCount + 1];
        var activityOffsets = new int[a + 1];
        var at = 0;
        for (var i = 0; i < edgeCount; i++)
        {
            var id = byTarget[i];
            offsets[id] = at;
            at += (int)count[id];
            activityOffsets[to[id] + 1] = at;
        }

        for (var b = 1; b <= a; b++)
        {
            activityOffsets[b] = Math.Max(activityOffsets[b], activityOffsets[b - 1]);
        }

        offsets[edgeCount] = at;
        var values = new long[at];
        var chunkCursors = new int[partials.Length][];
        var cursor = new int[edgeCount];
        Array.Copy(offsets, cursor, edgeCount);
        for (var k = 0; k < partials.Length; k++)
        {
            var p = partials[k];
            var local = chunkCursors[k] = new int[p.EdgeFrom.Count];
            for (var e = 0; e < local.Length; e++)
            {
                var id = maps[k][e];
                local[e] = cursor[id];
                cursor[id] += (int)p.EdgeCount[e];
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, partials.Length, parallel, k => Scatter(partials[k], chunkCursors[k], values));

        var performance = new EdgePerformance[edgeCount];
        Parallel.For(0, edgeCount, parallel, i =>
        {
            var id = order[i];
            performance[i] = Performance(from[id], to[id], values.AsSpan(offsets[id], (int)count[id]));
        });

        var waits = new ActivityWait[a];
        Parallel.For(0, a, parallel, b => waits[b] = Wait(b, values.AsSpan(activityOffsets[b], activityOffsets[b + 1] - activityOffsets[b])));

        var names = log.ActivityNames;
        var statistics = new ActivityStatistics[a];
        long hidden = 0;
        for (var i = 0; i < a; i++)
        {
            statistics[i] = new ActivityStatistics(i, names[i], events[i], cases[i], rework[i], selfLoops[i]);
            hidden += kept[i] ? 0 : source[i];
        }

        var graphEdges = new DirectlyFollowsEdge[edgeCount];
        for (var i = 0; i < edgeCount; i++)
        {
            var id = order[i];
            graphEdges[i] = new DirectlyFollowsEdge(from[id], to[id], count[id], edgeCases[id]);
        }

        // Nothing hidden: the projected log is the log itself, empty cases included (as ProcessMap always counted them).
        var caseCount = hidden == 0 ? log.CaseCount : nonEmptyCases;
        var graph = new DirectlyFollowsGraph(names, statistics, graphEdges, starts, ends, caseCount, log.TimeBasis);
        return new ProcessMapStatistics(log, kept, source, graph, performance, waits);
    }

    private static void Add(long[] target, long[] source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    /// <summary>The edge ids by count descending, then source and target code (the graph's edge order).</summary>
    private static int[] EdgeOrder(ReadOnlySpan<int> from, ReadOnlySpan<int> to, ReadOnlySpan<long> count)
    {
        var keys = new (long NegatedCount, int From, int To, int Id)[from.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (-count[i], from[i], to[i], i);
        }

        Array.Sort(keys);
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = keys[i].Id;
        }

        return order;
    }

    private static void Scatter(ProcessMapPartial partial, int[] cursor, long[] values)
    {
        var edges = partial.PairEdge.AsSpan(0, partial.PairCount);
        var ticks = partial.PairTicks.AsSpan(0, partial.PairCount);
        for (var i = 0; i < edges.Length; i++)
        {
            values[cursor[edges[i]]++] = ticks[i];
        }
    }

    /// <summary>The edge's statistics, exactly as <see cref="DiscoveryResult"/> computes them (reorders the run).</summary>
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

    /// <summary>Count, total and median of the waits before one activity's events (reorders the run).</summary>
    private static ActivityWait Wait(int activity, Span<long> run)
    {
        if (run.IsEmpty)
        {
            return new ActivityWait(activity, 0, 0, double.NaN);
        }

        var sum = 0L;
        foreach (var value in run)
        {
            sum += value;
        }

        var mid = run.Length / 2;
        var high = OrderStatistics.Kth(run, mid);
        double median = high;
        if ((run.Length & 1) == 0)
        {
            // Everything before position mid is not greater: the lower middle value is the largest of them.
            var low = long.MinValue;
            foreach (var value in run[..mid])
            {
                low = Math.Max(low, value);
            }

            median = (low + (double)high) / 2;
        }

        return new ActivityWait(activity, run.Length, sum / (double)TimeSpan.TicksPerSecond, median / TimeSpan.TicksPerSecond);
    }
}
