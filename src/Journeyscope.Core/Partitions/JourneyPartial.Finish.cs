using Journeyscope.Discovery;

namespace Journeyscope.Partitions;

public sealed partial class JourneyPartial
{
    /// <summary>The snapshot of the covered cases (the finish step); does not change the partial.</summary>
    /// <param name="exampleCasesPerVariant">How many example case ids each variant lists (its first cases in log order).</param>
    /// <remarks>O(c log c) for the c cases plus O(pairs) expected for the exact edge medians.</remarks>
    public JourneySnapshot Finish(int exampleCasesPerVariant = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exampleCasesPerVariant);
        var ordered = OrderedCases();
        var activities = new List<SnapshotActivity>(_activities.Count);
        foreach (var (name, tally) in _activities)
        {
            activities.Add(new SnapshotActivity(name, tally.Events, tally.Cases, tally.Starts, tally.Ends));
        }

        activities.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        var edges = new List<SnapshotEdge>(_edges.Count);
        foreach (var ((from, to), tally) in _edges)
        {
            var run = new long[tally.Count];
            var at = 0;
            foreach (var part in tally.Parts)
            {
                part.CopyTo(run, at);
                at += part.Count;
            }

            var sum = SortedStatistics.SumTicks(run);
            edges.Add(new SnapshotEdge(from, to, tally.Count, SortedStatistics.Seconds(sum) / run.Length, OrderStatistics.Median(run)));
        }

        edges.Sort((x, y) =>
        {
            var byFrom = string.CompareOrdinal(x.From, y.From);
            return byFrom != 0 ? byFrom : string.CompareOrdinal(x.To, y.To);
        });

        var variants = Variants(ordered, exampleCasesPerVariant);
        var durations = new long[ordered.Length];
        long rework = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            durations[i] = ordered[i].Ticks;
            rework += ordered[i].Rework ? 1 : 0;
        }

        Array.Sort(durations);
        var caseDurations = new SnapshotDurations(
            durations.Length,
            durations.Length == 0 ? double.NaN : SortedStatistics.Seconds(SortedStatistics.SumTicks(durations)) / durations.Length,
            SortedStatistics.Median(durations),
            SortedStatistics.Percentile(durations, 0.90),
            durations.Length == 0 ? double.NaN : SortedStatistics.Seconds(durations[0]),
            durations.Length == 0 ? double.NaN : SortedStatistics.Seconds(durations[^1]));
        var cases = ordered.Length;
        var kpis = SnapshotKpis.From(cases, EventCount, activities.Count, variants.Count, rework, caseDurations);
        return new JourneySnapshot(kpis, activities, edges, variants, caseDurations);
    }

    /// <summary>
    /// The distinct activity sequences and, for every case in log order (by key), the index of its sequence; what
    /// <see cref="VariantConformance"/> needs to give per-case figures exactly as a whole-log replay does.
    /// </summary>
    internal (IReadOnlyList<string[]> Variants, int[] CaseVariants) CaseVariants()
    {
        var ordered = OrderedCases();
        var caseVariants = new int[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            caseVariants[i] = ordered[i].Variant;
        }

        return (_variants, caseVariants);
    }

    // The cases in key order, computed once (Finish and conformance both need it; the partial never changes).
    private CaseRow[] OrderedCases() => _ordered ??= SortCases();

    private CaseRow[] SortCases()
    {
        var rows = _cases.ToArray();
        var keys = new long[rows.Length];
        var ascending = true;
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = rows[i].Key;
            ascending &= i == 0 || keys[i] >= keys[i - 1];
        }

        if (!ascending)
        {
            Array.Sort(keys, rows);
        }

        return rows;
    }

    private List<SnapshotVariant> Variants(CaseRow[] ordered, int examples)
    {
        var members = new List<int>[_variants.Count];
        for (var v = 0; v < members.Length; v++)
        {
            members[v] = [];
        }

        for (var i = 0; i < ordered.Length; i++)
        {
            members[ordered[i].Variant].Add(i);
        }

        // Most frequent first, ties by the variant's first case in log order (as Discovery ranks them).
        var ranking = new int[members.Length];
        for (var v = 0; v < ranking.Length; v++)
        {
            ranking[v] = v;
        }

        Array.Sort(ranking, (x, y) =>
        {
            var byCount = members[y].Count.CompareTo(members[x].Count);
            return byCount != 0 ? byCount : members[x][0].CompareTo(members[y][0]);
        });

        var result = new List<SnapshotVariant>(ranking.Length);
        double total = ordered.Length;
        long covered = 0;
        foreach (var v in ranking)
        {
            var rows = members[v];
            var run = new long[rows.Count];
            var ids = new string[Math.Min(examples, rows.Count)];
            for (var i = 0; i < run.Length; i++)
            {
                run[i] = ordered[rows[i]].Ticks;
                if (i < ids.Length)
                {
                    ids[i] = ordered[rows[i]].Id;
                }
            }

            var sum = SortedStatistics.SumTicks(run);
            covered += rows.Count;
            result.Add(new SnapshotVariant(
                result.Count + 1,
                _variants[v],
                rows.Count,
                rows.Count / total,
                covered / total,
                SortedStatistics.Seconds(sum) / run.Length,
                OrderStatistics.Median(run),
                ids));
        }

        return result;
    }
}
