using Journeyscope.Discovery;

namespace Journeyscope.Partitions;

public sealed partial class JourneyTotals
{
    /// <summary>The snapshot of the covered cases; equal to <see cref="JourneyPartial.Finish"/> of the same cases.</summary>
    /// <param name="exampleCasesPerVariant">How many example case ids each variant lists (its first cases in log order).</param>
    /// <remarks>Selects medians and quantiles in the sorted runs: nothing proportional to the events is copied or sorted.</remarks>
    public JourneySnapshot Finish(int exampleCasesPerVariant = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exampleCasesPerVariant);
        var activities = new List<SnapshotActivity>(_activities.Count);
        foreach (var (name, tally) in _activities)
        {
            activities.Add(new SnapshotActivity(name, tally.Events, tally.Cases, tally.Starts, tally.Ends));
        }

        activities.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        var edges = new List<SnapshotEdge>(_edges.Count);
        foreach (var ((from, to), edge) in _edges)
        {
            edges.Add(new SnapshotEdge(from, to, edge.Count, SortedStatistics.Seconds(edge.Sum) / edge.Count, Median(edge.Ticks)));
        }

        edges.Sort((x, y) =>
        {
            var byFrom = string.CompareOrdinal(x.From, y.From);
            return byFrom != 0 ? byFrom : string.CompareOrdinal(x.To, y.To);
        });

        var variants = Variants(exampleCasesPerVariant);
        var count = _durations.Count;
        var caseDurations = new SnapshotDurations(
            count,
            count == 0 ? double.NaN : SortedStatistics.Seconds(_durationSum) / count,
            Median(_durations),
            Percentile(_durations, 0.90),
            count == 0 ? double.NaN : SortedStatistics.Seconds(_durations.Select(0)),
            count == 0 ? double.NaN : SortedStatistics.Seconds(_durations.Select(count - 1)));
        var cases = CaseCount;
        var kpis = SnapshotKpis.From(cases, EventCount, activities.Count, variants.Count, _rework, caseDurations);
        return new JourneySnapshot(kpis, activities, edges, variants, caseDurations);
    }

    private List<SnapshotVariant> Variants(int examples)
    {
        var live = new List<VariantTotal>();
        foreach (var variant in _variants)
        {
            if (variant.Count > 0)
            {
                live.Add(variant);
            }
        }

        // Most frequent first, ties by the variant's first case in log order (its smallest key), as Discovery ranks them.
        var firstKeys = new Dictionary<VariantTotal, long>(live.Count, ReferenceEqualityComparer.Instance);
        foreach (var variant in live)
        {
            firstKeys[variant] = variant.Keys.Select(0);
        }

        live.Sort((x, y) =>
        {
            var byCount = y.Count.CompareTo(x.Count);
            return byCount != 0 ? byCount : firstKeys[x].CompareTo(firstKeys[y]);
        });

        var result = new List<SnapshotVariant>(live.Count);
        double total = CaseCount;
        long covered = 0;
        foreach (var variant in live)
        {
            var ids = new string[Math.Min(examples, variant.Count)];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = IdOf(variant.Keys.Select(i));
            }

            covered += variant.Count;
            result.Add(new SnapshotVariant(
                result.Count + 1,
                variant.Sequence,
                variant.Count,
                variant.Count / total,
                covered / total,
                SortedStatistics.Seconds(variant.Sum) / variant.Count,
                Median(variant.Durations),
                ids));
        }

        return result;
    }

    // The same arithmetic as SortedStatistics.Median over the sorted values.
    private static double Median(OrderedMultiset values)
    {
        var n = values.Count;
        if (n == 0)
        {
            return double.NaN;
        }

        var mid = n / 2;
        return (n & 1) == 1
            ? SortedStatistics.Seconds(values.Select(mid))
            : (SortedStatistics.Seconds(values.Select(mid - 1)) + SortedStatistics.Seconds(values.Select(mid))) / 2;
    }

    // The same arithmetic as SortedStatistics.Percentile over the sorted values.
    private static double Percentile(OrderedMultiset values, double fraction)
    {
        var n = values.Count;
        if (n == 0)
        {
            return double.NaN;
        }

        var position = (n - 1) * fraction;
        var lower = (long)Math.Floor(position);
        var upper = Math.Min(lower + 1, n - 1);
        var low = SortedStatistics.Seconds(values.Select(lower));
        var high = SortedStatistics.Seconds(values.Select(upper));
        return low + ((position - lower) * (high - low));
    }
}
