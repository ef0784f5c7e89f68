using System.Diagnostics;

namespace Journeyscope.Discovery;

public sealed partial class DiscoveryPartial
{
    /// <summary>
    /// Turns a (merged) process map partial (<see cref="ComputeMap"/>) into the statistics of the projected log: the
    /// graph, the seconds of every edge and the waits before each activity. Does not change the partial.
    /// </summary>
    /// <remarks>The graph counts the cases left with events, or every case when nothing is hidden.</remarks>
    internal ProcessMapParts FinishMap(ParallelOptions parallel)
    {
        var sourceEvents = _sourceEvents is null ? (long[])_events.Clone() : (long[])_sourceEvents.Clone();
        var hidden = false;
        for (var a = 0; a < _activityCount; a++)
        {
            hidden |= sourceEvents[a] != _events[a];
        }

        var order = EdgeOrder();
        var graph = Graph(order, hidden ? _nonEmptyCases : _caseTotal);
        parallel.CancellationToken.ThrowIfCancellationRequested();
        var durations = ScatterDurations(parallel);
        var performance = EdgePerformances(order, durations, parallel);
        var waits = new ActivityWait[_activityCount];
        Parallel.For(0, _activityCount, parallel, b => waits[b] = Wait(b, durations.Into(b)));
        return new ProcessMapParts(sourceEvents, graph, performance, waits);
    }

    /// <summary>Returns the pooled pair rows of this map partial and of the merged ones; none may be used afterwards.</summary>
    internal void ReleaseMap()
    {
        Debug.Assert(!_caseMeasures, "Only map partials rent their pair rows.");
        _pairEdge.Release();
        _pairTicks.Release();
        foreach (var segment in _segments)
        {
            segment.Source._pairEdge.Release();
            segment.Source._pairTicks.Release();
        }
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

    /// <summary>What <see cref="ProcessMapStatistics"/> is made of.</summary>
    /// <param name="SourceEvents">Events per activity code in the whole log, hidden activities included.</param>
    /// <param name="Graph">The directly-follows graph of the projected log.</param>
    /// <param name="Performance">The seconds of every edge, in the graph's edge order.</param>
    /// <param name="Waits">The waits before each activity's events, by activity code.</param>
    internal sealed record ProcessMapParts(long[] SourceEvents, DirectlyFollowsGraph Graph, EdgePerformance[] Performance, ActivityWait[] Waits);
}
