using System.Buffers;
using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>
/// The partial <see cref="ProcessMapStatistics"/> of one chunk of cases: counts per activity and edge of the log
/// restricted to the kept activities, and every directly-follows duration tagged with its chunk-local edge.
/// </summary>
/// <remarks>
/// The pair buffers are rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Release"/> returns them once the
/// statistics are finished. Not thread-safe; distinct partials are computed concurrently.
/// </remarks>
internal sealed class ProcessMapPartial
{
    // Dense (from * A + to) edge lookup while it fits in 4 MB of scratch; a dictionary beyond.
    private const long DenseEdgeLimit = 1 << 20;

    private ProcessMapPartial(int activityCount, int pairCapacity)
    {
        SourceEvents = new long[activityCount];
        Events = new long[activityCount];
        Cases = new long[activityCount];
        ReworkCases = new long[activityCount];
        SelfLoops = new long[activityCount];
        Starts = new long[activityCount];
        Ends = new long[activityCount];
        PairEdge = ArrayPool<int>.Shared.Rent(Math.Max(1, pairCapacity));
        PairTicks = ArrayPool<long>.Shared.Rent(Math.Max(1, pairCapacity));
    }

    /// <summary>Events per activity in the whole chunk, hidden activities included.</summary>
    public long[] SourceEvents { get; }

    public long[] Events { get; }

    public long[] Cases { get; }

    public long[] ReworkCases { get; }

    public long[] SelfLoops { get; }

    public long[] Starts { get; }

    public long[] Ends { get; }

    /// <summary>Cases with at least one kept event.</summary>
    public int CaseCount { get; private set; }

    public GrowBuffer<int> EdgeFrom { get; } = new(64);

    public GrowBuffer<int> EdgeTo { get; } = new(64);

    public GrowBuffer<long> EdgeCount { get; } = new(64);

    public GrowBuffer<long> EdgeCases { get; } = new(64);

    /// <summary>The chunk-local edge of each directly-follows pair (first <see cref="PairCount"/> items).</summary>
    public int[] PairEdge { get; }

    /// <summary>The ticks between the two events of each pair.</summary>
    public long[] PairTicks { get; }

    public int PairCount { get; private set; }

    /// <summary>One pass over the events of cases <c>[firstCase, firstCase + caseCount)</c>.</summary>
    /// <param name="log">The log.</param>
    /// <param name="keep">Per activity code, whether it is kept; empty keeps every activity.</param>
    /// <param name="firstCase">The first case of the chunk.</param>
    /// <param name="caseCount">Number of cases in the chunk.</param>
    public static ProcessMapPartial Compute(EventLog log, ReadOnlySpan<bool> keep, int firstCase, int caseCount)
    {
        var caseStarts = log.CaseStarts;
        var events = caseStarts[firstCase + caseCount] - caseStarts[firstCase];
        var partial = new ProcessMapPartial(log.ActivityCount, events);
        partial.Scan(log, keep, firstCase, firstCase + caseCount);
        return partial;
    }

    /// <summary>Returns the rented pair buffers; the partial must not be used afterwards.</summary>
    public void Release()
    {
        ArrayPool<int>.Shared.Return(PairEdge);
        ArrayPool<long>.Shared.Return(PairTicks);
    }

    private void Scan(EventLog log, ReadOnlySpan<bool> keep, int firstCase, int endCase)
    {
        var activities = log.Activities;
        var timestamps = log.Timestamps;
        var caseStarts = log.CaseStarts;
        var a = log.ActivityCount;
        var keepAll = keep.IsEmpty;
        var dense = (long)a * a <= DenseEdgeLimit;
        var edgeSlots = dense ? ArrayPool<int>.Shared.Rent(Math.Max(1, a * a)) : null;
        var sparseSlots = dense ? null : new Dictionary<long, int>();
        var seenIn = ArrayPool<int>.Shared.Rent(Math.Max(1, a));
        var reworkIn = ArrayPool<int>.Shared.Rent(Math.Max(1, a));
        var edgeLastCase = new GrowBuffer<int>(64);
        var source = SourceEvents.AsSpan();
        var kept = Events.AsSpan();
        var cases = Cases.AsSpan();
        var pairEdge = PairEdge.AsSpan();
        var pairTicks = PairTicks.AsSpan();
        var pair = 0;
        var nonEmpty = 0;
        try
        {
            edgeSlots?.AsSpan(0, a * a).Fill(-1);
            seenIn.AsSpan(0, a).Fill(-1);
            reworkIn.AsSpan(0, a).Fill(-1);
            for (var c = firstCase; c < endCase; c++)
            {
                var previous = -1;
                var previousTicks = 0L;
                for (var i = caseStarts[c]; i < caseStarts[c + 1]; i++)
                {
                    var activity = activities[i];
                    source[activity]++;
                    if (!keepAll && !keep[activity])
                    {
                        continue;
                    }

                    kept[activity]++;
                    if (seenIn[activity] != c)
                    {
                        seenIn[activity] = c;
                        cases[activity]++;
                    }
                    else if (reworkIn[activity] != c)
                    {
                        reworkIn[activity] = c;
                        ReworkCases[activity]++;
                    }

                    var ticks = timestamps[i];
                    if (previous < 0)
                    {
                        Starts[activity]++;
                        nonEmpty++;
                    }
                    else
                    {
                        if (previous == activity)
                        {
                            SelfLoops[activity]++;
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

                        EdgeCount[slot]++;
                        if (edgeLastCase[slot] != c)
                        {
                            edgeLastCase[slot] = c;
                            EdgeCases[slot]++;
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
                    Ends[previous]++;
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

        PairCount = pair;
        CaseCount = nonEmpty;
    }

    private int AddEdge(int from, int to)
    {
        var slot = EdgeFrom.Count;
        EdgeFrom.Add(from);
        EdgeTo.Add(to);
        EdgeCount.Add(0);
        EdgeCases.Add(0);
        return slot;
    }
}
