using System.Globalization;
using System.Text;
using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Keeps the cases of some variants (a variant is a case's exact activity sequence).</summary>
/// <remarks>
/// Case-level and population-dependent: rankings count only the cases kept by the filters before this one, so in a
/// pipeline it behaves exactly as if applied to the already filtered log. Ranking: case count descending, ties by
/// first appearance. Syntax: <c>variants top 10</c>, <c>variants coverage 80%</c>, <c>variant A -> B -> C</c>.
/// </remarks>
public sealed class VariantFilter : CaseFilter
{
    private readonly string[][] _sequences;

    private VariantFilter(int top, double coverage, string[][] sequences)
    {
        Top = top;
        Coverage = coverage;
        _sequences = sequences;
    }

    /// <summary>The number of most frequent variants kept, or 0 when not a top-k filter.</summary>
    public int Top { get; }

    /// <summary>The share of cases (0, 1] covered by the most frequent variants kept, or 0 when not a coverage filter.</summary>
    public double Coverage { get; }

    /// <summary>The specific variants kept (activity sequences), empty unless made with <see cref="Specific"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Sequences => _sequences;

    /// <summary>Keeps the <paramref name="k"/> most frequent variants (ties by first appearance).</summary>
    public static VariantFilter MostFrequent(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        return new VariantFilter(k, 0, []);
    }

    /// <summary>Keeps the most frequent variants until they cover at least <paramref name="share"/> (0, 1] of the cases.</summary>
    public static VariantFilter Covering(double share)
    {
        if (!(share > 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "The share must be in (0, 1].");
        }

        return new VariantFilter(0, share, []);
    }

    /// <summary>Keeps the cases whose activity sequence equals one of <paramref name="sequences"/>.</summary>
    public static VariantFilter Specific(IEnumerable<IEnumerable<string>> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var list = new List<string[]>();
        foreach (var sequence in sequences)
        {
            list.Add([.. sequence]);
        }

        return new VariantFilter(0, 0, [.. list]);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (Top > 0)
        {
            return "variants top " + Top.ToString(CultureInfo.InvariantCulture);
        }

        if (Coverage > 0)
        {
            return "variants coverage " + Math.Round(Coverage * 100, 9).ToString("R", CultureInfo.InvariantCulture) + "%";
        }

        var builder = new StringBuilder("variant ");
        for (var s = 0; s < _sequences.Length; s++)
        {
            if (s > 0)
            {
                builder.Append(" | ");
            }

            for (var i = 0; i < _sequences[s].Length; i++)
            {
                builder.Append(i > 0 ? " -> " : string.Empty).Append(FilterSyntax.Quote(_sequences[s][i]));
            }
        }

        return builder.ToString();
    }

    internal override bool DependsOnPopulation => Top > 0 || Coverage > 0;

    internal override CasePredicate Prepare(EventLog log, ReadOnlySpan<bool> kept) =>
        DependsOnPopulation ? PrepareRanked(log, kept) : PrepareSpecific(log);

    private CasePredicate PrepareRanked(EventLog log, ReadOnlySpan<bool> kept)
    {
        var ids = VariantIndex.Assign(log, kept, out var counts);
        var ranking = VariantIndex.Ranking(counts);
        var rankedCounts = new int[ranking.Length];
        for (var r = 0; r < ranking.Length; r++)
        {
            rankedCounts[r] = counts[ranking[r]];
        }

        var keptRanks = KeptRanks(rankedCounts);
        var keepVariant = new bool[counts.Count];
        for (var r = 0; r < ranking.Length; r++)
        {
            keepVariant[ranking[r]] = keptRanks[r];
        }

        return new RankedPredicate(ids, keepVariant);
    }

    /// <summary>
    /// Which ranks a top-k or coverage filter keeps, for variants ranked most frequent first (ties by first appearance)
    /// with <paramref name="rankedCounts"/> cases each; the partitioned deviation analysis decides personas with it.
    /// </summary>
    internal bool[] KeptRanks(IReadOnlyList<int> rankedCounts)
    {
        var total = 0L;
        foreach (var count in rankedCounts)
        {
            total += count;
        }

        // A small tolerance so 80% of 10 cases is 8 cases, not 9, despite binary fractions.
        var needed = (long)Math.Ceiling((Coverage * total) - 1e-9);
        var keep = new bool[rankedCounts.Count];
        var covered = 0L;
        for (var r = 0; r < keep.Length; r++)
        {
            if (Top > 0 ? r >= Top : covered >= needed)
            {
                break;
            }

            keep[r] = true;
            covered += rankedCounts[r];
        }

        return keep;
    }

    private SpecificPredicate PrepareSpecific(EventLog log)
    {
        var codes = new List<int[]>();
        foreach (var sequence in _sequences)
        {
            var resolved = new int[sequence.Length];
            var known = true;
            for (var i = 0; i < sequence.Length && known; i++)
            {
                resolved[i] = log.FindActivity(sequence[i]);
                known = resolved[i] >= 0;
            }

            if (known)
            {
                codes.Add(resolved);
            }
        }

        return new SpecificPredicate(log, [.. codes]);
    }

    private sealed class RankedPredicate(int[] ids, bool[] keepVariant) : CasePredicate
    {
        public override void Apply(int fromCase, int toCase, Span<bool> keep)
        {
            for (var c = fromCase; c < toCase; c++)
            {
                keep[c] &= ids[c] >= 0 && keepVariant[ids[c]];
            }
        }
    }

    private sealed class SpecificPredicate(EventLog log, int[][] sequences) : CasePredicate
    {
        public override void Apply(int fromCase, int toCase, Span<bool> keep)
        {
            for (var c = fromCase; c < toCase; c++)
            {
                if (!keep[c])
                {
                    continue;
                }

                var activities = log.CaseActivities(c);
                var match = false;
                foreach (var sequence in sequences)
                {
                    if (activities.SequenceEqual(sequence))
                    {
                        match = true;
                        break;
                    }
                }

                keep[c] = match;
            }
        }
    }
}
