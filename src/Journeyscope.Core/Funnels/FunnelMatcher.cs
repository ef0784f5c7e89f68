using System.Buffers;
using System.Diagnostics;
using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Funnels;

/// <summary>
/// A funnel prepared for one log: which steps and exclusions each activity can match (one 64-bit mask per activity),
/// the prepared conditions, and the per-chunk kernel that finds each case's best attempt.
/// </summary>
/// <remarks>
/// Bit <c>i</c> of an event's mask is step <c>i</c> for <c>i &lt; StepCount</c>, then the exclusions. Conditions are
/// evaluated per chunk into shared per-event (and per-case) flags, each chunk writing only its own range.
/// </remarks>
internal sealed class FunnelMatcher
{
    private const long None = long.MinValue;

    private readonly EventLog _log;
    private readonly ulong[] _activityMasks;
    private readonly Conditional[] _conditionals;
    private readonly bool[] _optional;
    private readonly long[] _stepWindows;
    private readonly long _window;
    private readonly bool _strict;
    private readonly int[] _exclusionFrom;
    private readonly int[] _exclusionTo;
    private readonly ulong _exclusionBits;
    private readonly BreakdownKeys? _breakdown;
    private readonly sbyte[] _depths;
    private readonly int[] _groups;

    public FunnelMatcher(EventLog log, FunnelDefinition definition, BreakdownKeys? breakdown, sbyte[] depths, int[] groups)
    {
        _log = log;
        StepCount = definition.Steps.Count;
        _breakdown = breakdown;
        _depths = depths;
        _groups = groups;
        _strict = definition.StrictOrder;
        _window = definition.Window is { } window ? window.Ticks : long.MaxValue;
        _optional = new bool[StepCount];
        _stepWindows = new long[StepCount];
        _activityMasks = new ulong[log.ActivityCount];
        var conditionals = new List<Conditional>();
        for (var j = 0; j < StepCount; j++)
        {
            var step = definition.Steps[j];
            _optional[j] = step.IsOptional;
            _stepWindows[j] = step.Window is { } w ? w.Ticks : long.MaxValue;
            AddItem(step, j, conditionals);
        }

        var exclusions = definition.Exclusions;
        _exclusionFrom = new int[exclusions.Count];
        _exclusionTo = new int[exclusions.Count];
        for (var x = 0; x < exclusions.Count; x++)
        {
            _exclusionFrom[x] = exclusions[x].FromStep;
            _exclusionTo[x] = exclusions[x].ToStep ?? StepCount - 1;
            _exclusionBits |= 1UL << (StepCount + x);
            AddItem(exclusions[x].Event, StepCount + x, conditionals);
        }

        _conditionals = [.. conditionals];
    }

    public int StepCount { get; }

    /// <summary>Finds the best attempt of every case in [<paramref name="firstCase"/>, +<paramref name="caseCount"/>).</summary>
    public FunnelChunk Run(EventLog log, int firstCase, int caseCount)
    {
        Debug.Assert(ReferenceEquals(log, _log), "The matcher is prepared for one log.");
        var partial = new FunnelChunk(StepCount);
        if (caseCount == 0)
        {
            return partial;
        }

        var starts = log.CaseStarts;
        var fromEvent = starts[firstCase];
        var toEvent = starts[firstCase + caseCount];
        var masks = ArrayPool<ulong>.Shared.Rent(Math.Max(1, toEvent - fromEvent));
        var scratch = ArrayPool<long>.Shared.Rent(StepCount * 4);
        var reachAt = ArrayPool<int>.Shared.Rent(StepCount);
        try
        {
            FillMasks(firstCase, caseCount, fromEvent, toEvent, masks);
            var reach = scratch.AsSpan(0, StepCount);
            var attempt = scratch.AsSpan(StepCount, StepCount);
            var best = scratch.AsSpan(2 * StepCount, StepCount);
            var timestamps = log.Timestamps;
            for (var c = firstCase; c < firstCase + caseCount; c++)
            {
                var from = starts[c];
                var length = starts[c + 1] - from;
                var depth = BestAttempt(
                    masks.AsSpan(from - fromEvent, length), timestamps.Slice(from, length), reach, reachAt.AsSpan(0, StepCount), attempt, best, out var start);
                _depths[c] = (sbyte)depth;
                if (depth < 0)
                {
                    _groups[c] = 0;
                    continue;
                }

                var groupKey = _breakdown?.GroupOf(c, from + start) ?? 0;
                _groups[c] = groupKey;
                Record(partial.For(groupKey), depth, best);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(masks);
            ArrayPool<long>.Shared.Return(scratch);
            ArrayPool<int>.Shared.Return(reachAt);
        }

        return partial;
    }

    private static void Record(FunnelChunk.Group group, int depth, ReadOnlySpan<long> completion)
    {
        for (var j = 0; j <= depth; j++)
        {
            group.Entered[j]++;
        }

        var previous = completion[0];
        for (var j = 1; j <= depth; j++)
        {
            var done = completion[j];
            if (done == None)
            {
                continue;
            }

            group.FromFirst[j].Add(done - completion[0]);
            group.FromPrevious[j].Add(Math.Max(0, done - previous));
            previous = done;
        }
    }

    private void AddItem(FunnelStep step, int bit, List<Conditional> conditionals)
    {
        foreach (var name in step.Activities)
        {
            var code = _log.FindActivity(name);
            if (code >= 0)
            {
                _activityMasks[code] |= 1UL << bit;
            }
        }

        if (step.Conditions.Count == 0)
        {
            return;
        }

        var events = new List<EventPredicate>();
        var cases = new List<CasePredicate>();
        foreach (var condition in step.Conditions)
        {
            switch (condition)
            {
                case EventFilter eventFilter:
                    events.Add(eventFilter.Prepare(_log));
                    break;
                case CaseFilter caseFilter:
                    cases.Add(caseFilter.Prepare(_log, []));
                    break;
                default:
                    throw new ArgumentException($"Unsupported condition '{condition}'.");
            }
        }

        conditionals.Add(new Conditional(
            1UL << bit,
            [.. events],
            [.. cases],
            events.Count > 0 ? new bool[_log.EventCount] : null,
            cases.Count > 0 ? new bool[_log.CaseCount] : null));
    }

    private void FillMasks(int firstCase, int caseCount, int fromEvent, int toEvent, ulong[] masks)
    {
        var activities = _log.Activities;
        for (var e = fromEvent; e < toEvent; e++)
        {
            masks[e - fromEvent] = _activityMasks[activities[e]];
        }

        var starts = _log.CaseStarts;
        foreach (var conditional in _conditionals)
        {
            var clear = ~conditional.Bit;
            if (conditional.EventKeep is { } eventKeep)
            {
                eventKeep.AsSpan(fromEvent, toEvent - fromEvent).Fill(true);
                foreach (var predicate in conditional.Events)
                {
                    predicate.Apply(fromEvent, toEvent, eventKeep);
                }

                for (var e = fromEvent; e < toEvent; e++)
                {
                    if (!eventKeep[e])
                    {
                        masks[e - fromEvent] &= clear;
                    }
                }
            }

            if (conditional.CaseKeep is { } caseKeep)
            {
                caseKeep.AsSpan(firstCase, caseCount).Fill(true);
                foreach (var predicate in conditional.Cases)
                {
                    predicate.Apply(firstCase, firstCase + caseCount, caseKeep);
                }

                for (var c = firstCase; c < firstCase + caseCount; c++)
                {
                    if (!caseKeep[c])
                    {
                        for (var e = starts[c]; e < starts[c + 1]; e++)
                        {
                            masks[e - fromEvent] &= clear;
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Tries every occurrence of step 1 in order and keeps the earliest attempt that reaches the deepest step;
    /// returns that depth (0-based; -1 when the case never does step 1).
    /// </summary>
    private int BestAttempt(
        ReadOnlySpan<ulong> masks,
        ReadOnlySpan<long> timestamps,
        Span<long> reach,
        Span<int> reachAt,
        Span<long> attempt,
        Span<long> best,
        out int bestStart)
    {
        var bestDepth = -1;
        bestStart = -1;
        for (var s = 0; s < masks.Length; s++)
        {
            if ((masks[s] & 1UL) == 0)
            {
                continue;
            }

            var depth = Attempt(masks, timestamps, s, reach, reachAt, attempt);
            if (depth > bestDepth)
            {
                bestDepth = depth;
                bestStart = s;
                attempt.CopyTo(best);
                if (depth == StepCount - 1)
                {
                    break;
                }
            }
        }

        return bestDepth;
    }

    /// <summary>
    /// One attempt from the step-1 event at <paramref name="start"/>: a forward pass keeping, per step, the latest time
    /// a valid chain reached it (the best predecessor for any later step) and the earliest such time (the completion).
    /// </summary>
    private int Attempt(ReadOnlySpan<ulong> masks, ReadOnlySpan<long> timestamps, int start, Span<long> reach, Span<int> reachAt, Span<long> completion)
    {
        var steps = StepCount;
        reach.Fill(None);
        completion.Fill(None);
        var t0 = timestamps[start];
        reach[0] = t0;
        reachAt[0] = start;
        completion[0] = t0;
        var depth = 0;
        if (steps == 1)
        {
            return 0;
        }

        var stepBits = (steps == 64 ? ulong.MaxValue : (1UL << steps) - 1) & ~1UL;
        for (var e = start + 1; e < masks.Length; e++)
        {
            var t = timestamps[e];
            if (t - t0 > _window)
            {
                break;
            }

            var mask = masks[e];
            if ((mask & _exclusionBits) != 0 && Excluded(mask, depth))
            {
                break;
            }

            if ((mask & stepBits) == 0)
            {
                continue;
            }

            for (var j = steps - 1; j >= 1; j--)
            {
                if ((mask & (1UL << j)) == 0)
                {
                    continue;
                }

                var predecessor = None;
                for (var p = j - 1; p >= 0; p--)
                {
                    if (reach[p] != None && (!_strict || reachAt[p] == e - 1) && reach[p] > predecessor)
                    {
                        predecessor = reach[p];
                    }

                    if (!_optional[p])
                    {
                        break;
                    }
                }

                if (predecessor == None || t - predecessor > _stepWindows[j])
                {
                    continue;
                }

                reach[j] = t;
                reachAt[j] = e;
                if (completion[j] == None)
                {
                    completion[j] = t;
                }

                if (j > depth)
                {
                    depth = j;
                }
            }

            if (depth == steps - 1)
            {
                break;
            }
        }

        return depth;
    }

    private bool Excluded(ulong mask, int depth)
    {
        for (var x = 0; x < _exclusionFrom.Length; x++)
        {
            if ((mask & (1UL << (StepCount + x))) != 0 && depth >= _exclusionFrom[x] && depth < _exclusionTo[x])
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Conditional(ulong Bit, EventPredicate[] Events, CasePredicate[] Cases, bool[]? EventKeep, bool[]? CaseKeep);
}
