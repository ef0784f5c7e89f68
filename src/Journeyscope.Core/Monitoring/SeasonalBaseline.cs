namespace Journeyscope.Monitoring;

/// <summary>
/// The expected range of each value of a KPI series from the values before it: a robust seasonal centre (the median
/// of the latest values of the same weekday or hour) and spread (their scaled MAD), with a threshold calibrated on the
/// series' own back-tested residuals (docs/monitoring.md, "KPI alerts").
/// </summary>
/// <remarks>
/// Rolling origin: the baseline of point i uses only points before i, exactly as a live run would have seen them, so
/// every residual is an honest out-of-sample one. The threshold of point i is the split-conformal quantile of the
/// |residual| / spread of the points before it: the k-th smallest of n with k = ceil((n + 1)(1 - rate)). When the
/// residuals of a series with no change are exchangeable this bounds the chance that the next value falls outside its
/// range by the rate; with fewer than <see cref="AnomalyOptions.MinCalibration"/> residuals k exceeds n and the range
/// is unbounded (no alarm rather than an uncalibrated one). Cost O(n (h + c log c)) for n points, history h and
/// calibration c. Thread-safe: no shared state.
/// </remarks>
public static class SeasonalBaseline
{
    /// <summary>The scale that makes the MAD estimate a standard deviation for normal data.</summary>
    public const double MadScale = 1.4826;

    private const int PooledAfter = 12;

    /// <summary>The expected range of every point from the points before it; null where the slot has too little history.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public static IReadOnlyList<ExpectedRange?> Scan(IReadOnlyList<SeriesPoint> series, AnomalyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= AnomalyOptions.Default;
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var ranges = new ExpectedRange?[series.Count];
        var slots = new Dictionary<int, List<double>>();
        var residuals = new List<double>();
        var raw = new List<double>();
        var scratch = new List<double>(options.History);
        var spreadWindow = options.History * SlotCount(options.Seasonality);
        for (var i = 0; i < series.Count; i++)
        {
            var point = series[i];
            var slot = Slot(point.Start, options.Seasonality);
            if (!slots.TryGetValue(slot, out var values))
            {
                values = [];
                slots[slot] = values;
            }

            if (values.Count >= options.MinHistory)
            {
                var taken = Math.Min(options.History, values.Count);
                scratch.Clear();
                for (var j = values.Count - taken; j < values.Count; j++)
                {
                    scratch.Add(values[j]);
                }

                var centre = Median(scratch);
                var spread = Spread(raw, scratch, centre, spreadWindow);
                var (threshold, calibration) = Threshold(residuals, options);
                ranges[i] = new ExpectedRange(centre, spread, threshold, centre - (threshold * spread), centre + (threshold * spread), calibration, taken);
                if (double.IsFinite(point.Value))
                {
                    // Only residuals scored by the pooled spread calibrate: the first few, scored by one slot's
                    // handful of values, are far more spread out and would widen every later range.
                    if (raw.Count >= PooledAfter)
                    {
                        residuals.Add(Math.Abs(point.Value - centre) / spread);
                    }

                    raw.Add(Math.Abs(point.Value - centre));
                }
            }

            if (double.IsFinite(point.Value))
            {
                values.Add(point.Value);
            }
        }

        return ranges;
    }

    /// <summary>The expected range of a value for the period starting at <paramref name="start"/>, after <paramref name="history"/>.</summary>
    public static ExpectedRange? Expect(IReadOnlyList<SeriesPoint> history, DateTimeOffset start, AnomalyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var series = new List<SeriesPoint>(history.Count + 1);
        series.AddRange(history);
        series.Add(new SeriesPoint(start, double.NaN));
        return Scan(series, options)[^1];
    }

    /// <summary>The seasonal slot of a period start (its wall-clock time at its own offset).</summary>
    public static int Slot(DateTimeOffset start, Seasonality seasonality)
    {
        var local = start.DateTime;
        return seasonality switch
        {
            Seasonality.Weekday => (int)local.DayOfWeek,
            Seasonality.HourOfDay => local.Hour,
            Seasonality.HourOfWeek => ((int)local.DayOfWeek * 24) + local.Hour,
            _ => 0,
        };
    }

    /// <summary>
    /// The spread: the scaled median of the latest absolute back-tested residuals of all slots (a whole season of
    /// <c>history</c> values per slot), which is far steadier than one slot's handful of values; the slot's own MAD
    /// until a dozen residuals exist. Floored above 0 so a constant series still has a finite score.
    /// </summary>
    private static double Spread(List<double> raw, List<double> slotValues, double centre, int window)
    {
        double mad;
        if (raw.Count >= PooledAfter)
        {
            var taken = Math.Min(window, raw.Count);
            var latest = raw.GetRange(raw.Count - taken, taken);
            mad = Median(latest);
        }
        else
        {
            for (var j = 0; j < slotValues.Count; j++)
            {
                slotValues[j] = Math.Abs(slotValues[j] - centre);
            }

            mad = Median(slotValues);
        }

        return Math.Max(MadScale * mad, 1e-9 * Math.Max(1.0, Math.Abs(centre)));
    }

    private static int SlotCount(Seasonality seasonality) => seasonality switch
    {
        Seasonality.Weekday => 7,
        Seasonality.HourOfDay => 24,
        Seasonality.HourOfWeek => 168,
        _ => 1,
    };

    private static (double Threshold, int Calibration) Threshold(List<double> residuals, AnomalyOptions options)
    {
        var n = Math.Min(residuals.Count, options.MaxCalibration);
        var k = (int)Math.Ceiling((n + 1) * (1 - options.FalseAlarmRate) - 1e-9);
        if (n == 0 || k > n)
        {
            return (double.PositiveInfinity, n);
        }

        var latest = residuals.GetRange(residuals.Count - n, n);
        latest.Sort();
        return (latest[k - 1], n);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
    }
}
