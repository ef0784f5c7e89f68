using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Performance;

public sealed partial class PerformancePartial
{
    private static readonly Shape NoCases = new(TimeBasis.Utc, ProcessingTimeSource.None, false, null);

    /// <summary>
    /// The value stream of the covered cases: equal to <see cref="ValueStream.Analyze"/> of the whole log with the same
    /// options (cases in case-key order, activities by name, hand-overs by from then to, bottlenecks ranked).
    /// </summary>
    public ValueStreamResult FinishValueStream()
    {
        var shape = Parameters ?? NoCases;
        var rows = _cases.ToArray();
        var keys = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = rows[i].Key;
        }

        // Case keys are distinct, so the order is that of the whole log.
        Array.Sort(keys, rows);
        var cases = new CaseValueStream[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            cases[i] = ValueStream.Case(rows[i].Id, rows[i].Lead, rows[i].Processing, shape.Source);
        }

        var activities = new List<ActivityPerformance>(_activities.Count);
        foreach (var (name, t) in _activities)
        {
            if (t.Executions > 0)
            {
                activities.Add(new ActivityPerformance(
                    name, (int)t.Executions, TimeSpan.FromTicks(t.Processing), ValueStream.Mean(t.Processing, (int)t.Executions),
                    (int)t.Waits, TimeSpan.FromTicks(t.Waiting), ValueStream.Mean(t.Waiting, (int)t.Waits)));
            }
        }

        activities.Sort(static (x, y) => string.CompareOrdinal(x.Activity, y.Activity));
        var edges = new HandoverWaitingTime[_edges.Count];
        var e = 0;
        foreach (var ((from, to), tally) in _edges)
        {
            var waits = new long[tally.Count];
            var at = 0;
            foreach (var part in tally.Parts)
            {
                part.CopyTo(waits, at);
                at += part.Length;
            }

            edges[e++] = ValueStream.Handover(from, to, waits);
        }

        Array.Sort(edges, static (x, y) =>
        {
            var byFrom = string.CompareOrdinal(x.From, y.From);
            return byFrom != 0 ? byFrom : string.CompareOrdinal(x.To, y.To);
        });
        return ValueStream.Result(shape.Source, shape.UsesCalendar, cases, [.. activities], edges);
    }

    /// <summary>
    /// The performance record of the covered cases: equal to <see cref="PerformanceResult.Analyze"/> of the whole log with
    /// the same options and journey (value stream, case durations, throughput at <paramref name="granularity"/>, process order).
    /// </summary>
    /// <param name="version">The workspace version the partials were read at.</param>
    /// <param name="granularity">The throughput periods.</param>
    public PerformanceResult Finish(long version, Granularity granularity = Granularity.Week)
    {
        var shape = Parameters ?? NoCases;
        var eventsByName = new Dictionary<string, long>(_activities.Count, StringComparer.Ordinal);
        foreach (var (name, tally) in _activities)
        {
            eventsByName[name] = tally.Events;
        }

        return PerformanceResult.Build(
            shape.TimeBasis, version, CaseCount, eventsByName, FinishValueStream(), FinishDurations(shape.TimeBasis),
            _throughput.Finish(granularity), FinishOrder(), shape.JourneyId);
    }

    /// <summary>The <paramref name="top"/> costliest hand-overs: equal to <see cref="BottlenecksResult.Analyze"/> of the whole log.</summary>
    /// <param name="version">The workspace version the partials were read at.</param>
    /// <param name="top">How many to show.</param>
    public BottlenecksResult FinishBottlenecks(long version, int top = BottlenecksResult.DefaultTop) =>
        BottlenecksResult.From((Parameters ?? NoCases).TimeBasis, version, FinishValueStream(), top);

    /// <summary>The case durations' statistics: every duration sorted, as <see cref="CaseDurations"/> computes them.</summary>
    private DurationSummary FinishDurations(TimeBasis timeBasis)
    {
        var sorted = new long[CaseCount];
        var at = 0;
        foreach (var part in _durations)
        {
            part.CopyTo(sorted, at);
            at += part.Length;
        }

        Array.Sort(sorted);
        return DurationSummary.From(new CaseDurations(sorted, [], timeBasis));
    }

    /// <summary>
    /// The process order of <see cref="ProcessOrder.Of"/>: the activities in the order the variants meet them, most frequent
    /// variant first (ties by first case), the activities a journey touchpoint maps placed first by designed position.
    /// </summary>
    private ProcessOrder FinishOrder()
    {
        var variants = new VariantTally[_variants.Count];
        _variants.Values.CopyTo(variants, 0);
        Array.Sort(variants, static (x, y) => x.Cases != y.Cases ? y.Cases.CompareTo(x.Cases) : x.FirstKey.CompareTo(y.FirstKey));
        var walk = new List<string>(_activities.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            foreach (var name in variant.Sequence)
            {
                if (seen.Add(name))
                {
                    walk.Add(name);
                }
            }

            if (walk.Count == _activities.Count)
            {
                break;
            }
        }

        var mapped = new List<(string Name, int Position, int Rank)>();
        for (var i = 0; i < walk.Count; i++)
        {
            var position = _activities[walk[i]].Position;
            if (position < int.MaxValue)
            {
                mapped.Add((walk[i], position, i));
            }
        }

        if (mapped.Count == 0)
        {
            return new ProcessOrder(StepOrder.DominantVariant, walk);
        }

        mapped.Sort(static (x, y) => x.Position != y.Position ? x.Position.CompareTo(y.Position) : x.Rank.CompareTo(y.Rank));
        var order = new List<string>(walk.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _, _) in mapped)
        {
            placed.Add(name);
            order.Add(name);
        }

        foreach (var name in walk)
        {
            if (placed.Add(name))
            {
                order.Add(name);
            }
        }

        return new ProcessOrder(StepOrder.DesignedJourney, order);
    }
}
