namespace Journeyscope.Kpis;

/// <summary>
/// The cells of a KPI's series: its periods, first to last without gaps, each split by the segment labels in rank order.
/// A moment and a case give their cell in O(1), so one pass over the observations (or an aggregate's items)
/// fills every cell, in place of one pass per period.
/// </summary>
/// <remarks>
/// Cell <c>p × Labels.Count + l</c> is period <c>p</c> and label <c>l</c>: the series' order. A period holds the moments
/// in [<see cref="Starts"/>, <see cref="Ends"/>); without a period there is one, [<see cref="long.MinValue"/>, <see cref="long.MaxValue"/>).
/// </remarks>
internal sealed class KpiGrid
{
    private readonly int[]? _caseLabels;
    private readonly long _meanLength;

    private KpiGrid(long[] starts, long[] ends, List<string?> labels, int[]? caseLabels)
    {
        Starts = starts;
        Ends = ends;
        Labels = labels;
        _caseLabels = caseLabels;

        // Several periods are calendar periods: their ends are real moments, so the span does not overflow.
        _meanLength = starts.Length > 1 ? Math.Max(1, (ends[^1] - starts[0]) / starts.Length) : 1;
    }

    /// <summary>Each period's first moment; <see cref="long.MinValue"/> for the single period without a trend.</summary>
    public long[] Starts { get; }

    /// <summary>Each period's end (exclusive); <see cref="long.MaxValue"/> without a trend.</summary>
    public long[] Ends { get; }

    /// <summary>The segment labels in rank order, or one null label without segments.</summary>
    public List<string?> Labels { get; }

    /// <summary>Number of cells: periods × labels.</summary>
    public int Count => Starts.Length * Labels.Count;

    /// <summary>
    /// The grid of <paramref name="period"/> over the moments from <paramref name="min"/> to <paramref name="max"/>
    /// (no period when <paramref name="min"/> is <see cref="long.MaxValue"/>) and of <paramref name="segments"/>.
    /// </summary>
    public static KpiGrid Create(KpiPeriod period, long min, long max, KpiSegments? segments)
    {
        var starts = new List<long>();
        if (period != KpiPeriod.None)
        {
            for (var start = min == long.MaxValue ? long.MaxValue : KpiPeriods.Start(min, period); start <= max; start = KpiPeriods.Next(start, period))
            {
                starts.Add(start);
            }
        }
        else
        {
            starts.Add(long.MinValue);
        }

        var ends = new long[starts.Count];
        for (var p = 0; p < ends.Length; p++)
        {
            ends[p] = starts[p] == long.MinValue ? long.MaxValue : KpiPeriods.Next(starts[p], period);
        }

        if (segments is null)
        {
            return new KpiGrid([.. starts], ends, [null], null);
        }

        var labels = new List<string?>(segments.CaseLabels.Distinct(StringComparer.Ordinal).OrderBy(segments.Rank));
        var index = new Dictionary<string, int>(labels.Count, StringComparer.Ordinal);
        for (var l = 0; l < labels.Count; l++)
        {
            index[labels[l]!] = l;
        }

        var caseLabels = new int[segments.CaseLabels.Count];
        for (var c = 0; c < caseLabels.Length; c++)
        {
            caseLabels[c] = index[segments.CaseLabels[c]];
        }

        return new KpiGrid([.. starts], ends, labels, caseLabels);
    }

    /// <summary>The period holding <paramref name="time"/>, or -1 when none does.</summary>
    /// <remarks>
    /// Guessed from the periods' mean length, then corrected by the steps calendar periods of unequal length (months,
    /// quarters, leap years) need: O(1), where a binary search costs a mispredicted branch per halving on every observation.
    /// </remarks>
    public int PeriodOf(long time)
    {
        var periods = Starts.Length;
        if (periods == 0 || time < Starts[0] || time >= Ends[periods - 1])
        {
            return -1;
        }

        if (periods == 1)
        {
            return 0;
        }

        var p = (int)Math.Min(periods - 1, (time - Starts[0]) / _meanLength);
        while (time < Starts[p])
        {
            p--;
        }

        while (time >= Ends[p])
        {
            p++;
        }

        return p;
    }

    /// <summary>The label index of case <paramref name="caseIndex"/> (0 without segments).</summary>
    public int LabelOf(int caseIndex) => _caseLabels is null ? 0 : _caseLabels[caseIndex];

    /// <summary>The cell of case <paramref name="caseIndex"/> at <paramref name="time"/>, or -1 outside every period.</summary>
    public int CellOf(int caseIndex, long time)
    {
        var p = PeriodOf(time);
        return p < 0 ? -1 : (p * Labels.Count) + LabelOf(caseIndex);
    }
}
