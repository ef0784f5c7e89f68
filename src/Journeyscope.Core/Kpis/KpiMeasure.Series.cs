namespace Journeyscope.Kpis;

/// <summary>The series per period and segment: every cell filled in one pass over the observations, items or cases.</summary>
internal sealed partial class KpiMeasure
{
    /// <summary>
    /// The value in each period (first to last without gaps) and segment, in that order: equal, cell by cell, to
    /// <see cref="Value"/> over the cell's period and segment, float sums added in the same order. O(observations +
    /// cells) for built-in kinds (stocks: × log periods); for custom expressions one pass over each aggregate's items and the cases.
    /// </summary>
    private List<KpiValue> Series(KpiPeriod period, KpiSegments? segments)
    {
        // The periods that hold events of the log (or observations, for built-in kinds), first to last without gaps.
        long min = long.MaxValue, max = long.MinValue;
        if (period != KpiPeriod.None)
        {
            if (_expression is not null)
            {
                (min, max) = _expression.TimeRange();
            }
            else
            {
                foreach (var o in _observations)
                {
                    (min, max) = (Math.Min(min, o.Time), Math.Max(max, o.Time));
                }
            }
        }

        var grid = KpiGrid.Create(period, min, max, segments);
        var (values, samples) = _expression is not null ? ExpressedCells(grid)
            : Aggregation == KpiAggregation.Stock ? OpenCells(grid)
            : SummedCells(grid);
        var series = new List<KpiValue>(grid.Count);
        var labels = grid.Labels;
        for (var p = 0; p < grid.Starts.Length; p++)
        {
            var start = grid.Starts[p];
            var periodLabel = start == long.MinValue ? null : KpiPeriods.Label(start, period);
            for (var l = 0; l < labels.Count; l++)
            {
                var cell = (p * labels.Count) + l;
                series.Add(Figure(periodLabel, labels[l], start, values[cell], samples[cell]));
            }
        }

        return series;
    }

    /// <summary>Built-in kinds but stocks: the observations' sums per cell, each added in observation order.</summary>
    private (double?[] Values, int[] Samples) SummedCells(KpiGrid grid)
    {
        var sums = new KpiSums[grid.Count];
        foreach (var o in _observations)
        {
            var cell = grid.CellOf(o.Case, o.Time);
            if (cell >= 0)
            {
                sums[cell].Add(o);
            }
        }

        var values = new double?[sums.Length];
        var samples = new int[sums.Length];
        for (var cell = 0; cell < sums.Length; cell++)
        {
            (values[cell], samples[cell]) = (sums[cell].Value(Aggregation), sums[cell].SampleSize(Aggregation));
        }

        return (values, samples);
    }

    /// <summary>
    /// Stocks: per cell, the observations open at the period's last moment (the as-of moment without a trend). An observation
    /// is open over a run of periods, so it adds 1 where the run starts and takes it back where it ends; running sums count.
    /// </summary>
    private (double?[] Values, int[] Samples) OpenCells(KpiGrid grid)
    {
        var periods = grid.Starts.Length;
        var moments = new long[periods];
        for (var p = 0; p < periods; p++)
        {
            moments[p] = grid.Ends[p] == long.MaxValue ? _asOf : grid.Ends[p] - 1;
        }

        // Per label, periods + 1 steps: open at moment p when Time <= moments[p] < Until.
        var labels = grid.Labels.Count;
        var steps = new int[labels * (periods + 1)];
        foreach (var o in _observations)
        {
            int from = FirstAtOrAfter(moments, o.Time), to = FirstAtOrAfter(moments, o.Until);
            if (from < to)
            {
                var row = grid.LabelOf(o.Case) * (periods + 1);
                steps[row + from]++;
                steps[row + to]--;
            }
        }

        var values = new double?[grid.Count];
        var samples = new int[grid.Count];
        for (var l = 0; l < labels; l++)
        {
            var open = 0;
            for (var p = 0; p < periods; p++)
            {
                open += steps[(l * (periods + 1)) + p];
                var cell = (p * labels) + l;
                (values[cell], samples[cell]) = (open, open);
            }
        }

        return (values, samples);
    }

    /// <summary>The first index of ascending <paramref name="moments"/> at or after <paramref name="time"/> (their length when none is).</summary>
    private static int FirstAtOrAfter(long[] moments, long time)
    {
        int low = 0, high = moments.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (moments[middle] < time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// Custom expressions: the expression once per cell, each aggregate reading its value in the cell from one pass over
    /// its items (<see cref="ExpressionContext.Grid"/>); the sample is the cell's cases whose first event is in the period.
    /// </summary>
    private (double?[] Values, int[] Samples) ExpressedCells(KpiGrid grid)
    {
        var context = _expression!;
        var values = new double?[grid.Count];
        var samples = new int[grid.Count];
        for (var c = 0; c < _caseCount; c++)
        {
            var first = context.FirstTime(c);
            var cell = first == long.MaxValue ? -1 : grid.CellOf(c, first);
            if (cell >= 0)
            {
                samples[cell]++;
            }
        }

        context.Grid = grid;
        try
        {
            for (var cell = 0; cell < values.Length; cell++)
            {
                context.Cell = cell;
                values[cell] = Definition.Expression!.Evaluate(context);
            }
        }
        finally
        {
            context.Grid = null;
        }

        return (values, samples);
    }
}
