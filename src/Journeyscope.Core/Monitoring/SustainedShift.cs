namespace Journeyscope.Monitoring;

/// <summary>
/// The sustained-shift rule: a two-sided CUSUM (Page 1954) of a KPI series' standardised residuals against its seasonal
/// baseline, with its threshold calibrated on the series' own back-tested statistics (docs/monitoring.md, "KPI alerts").
/// </summary>
/// <remarks>
/// <para>Residual z = (value − seasonal centre) / spread, from <see cref="SeasonalBaseline.Scan"/> (rolling origin: only
/// earlier values), clipped to ±<see cref="Clip"/> so that one outlier (the single-period rule's business) cannot make a
/// shift on its own. Upward sum U = max(0, U + z − k), downward D = max(0, D − z − k), with the reference k
/// (<see cref="AnomalyOptions.ShiftReference"/>, half the shift in spreads the rule is tuned for). A shift of d spreads
/// adds about d − k per period, so it is found after about h / (d − k) periods, where a single-period check needs
/// d above its threshold (about 3).</para>
/// <para>Calibration as the single-period check's: the threshold at value i is the split-conformal quantile (k-th smallest
/// of n, k = ceil((n + 1)(1 − rate))) of the statistics of the values before i, computed the same way (the sums restart
/// after each alarm there too). On a series with no change the chance that a value's statistic exceeds it is then about
/// the configured rate per period; CUSUM statistics are serially correlated, so alarms come in short clusters rather than
/// evenly. Fewer than <see cref="AnomalyOptions.MinCalibration"/> statistics: threshold infinite, no alarm.</para>
/// Thread-safe: no shared state.
/// </remarks>
public static class SustainedShift
{
    /// <summary>Residuals are clipped to this many spreads before they are summed.</summary>
    public const double Clip = 4;

    /// <summary>The sustained-shift statistic of every value from the values before it; null where there is no calibrated baseline residual.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public static IReadOnlyList<ShiftStatistic?> Scan(IReadOnlyList<SeriesPoint> series, AnomalyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= AnomalyOptions.Default;
        var ranges = SeasonalBaseline.Scan(series, options);
        var result = new ShiftStatistic?[series.Count];
        var history = new List<double>();
        var scratch = new List<double>();
        var k = options.ShiftReference;
        double up = 0, down = 0;
        int upStart = -1, downStart = -1;
        for (var i = 0; i < series.Count; i++)
        {
            var value = series[i].Value;

            // Only values scored by the pooled spread (those that calibrate the single-period range) are summed.
            if (ranges[i] is not { Calibration: > 0 } range || !double.IsFinite(value))
            {
                continue;
            }

            var (threshold, calibration) = Threshold(history, scratch, options);
            var z = Math.Clamp(range.Score(value), -Clip, Clip);
            upStart = up > 0 ? upStart : i;
            downStart = down > 0 ? downStart : i;
            up = Math.Max(0, up + z - k);
            down = Math.Max(0, down - z - k);
            var direction = up >= down ? 1 : -1;
            var statistic = Math.Max(up, down);
            var start = direction > 0 ? upStart : downStart;
            var (periods, mean, expected, spread) = Means(series, ranges, start, i);
            var alarm = statistic > threshold;
            result[i] = new ShiftStatistic(statistic, threshold, alarm, direction, start, series[start].Start, periods, mean, expected, spread, range, calibration);
            history.Add(statistic);
            if (alarm)
            {
                (up, down) = (0, 0);
            }
        }

        return result;
    }

    /// <summary>The statistic of <paramref name="current"/> after <paramref name="history"/> (oldest first).</summary>
    public static ShiftStatistic? Check(IReadOnlyList<SeriesPoint> history, SeriesPoint current, AnomalyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var series = new List<SeriesPoint>(history.Count + 1);
        series.AddRange(history);
        series.Add(current);
        return Scan(series, options)[^1];
    }

    private static (int Periods, double Mean, double Expected, double Spread) Means(IReadOnlyList<SeriesPoint> series, IReadOnlyList<ExpectedRange?> ranges, int from, int to)
    {
        double sum = 0, expected = 0, spread = 0;
        var count = 0;
        for (var j = from; j <= to; j++)
        {
            if (ranges[j] is { } r && double.IsFinite(series[j].Value))
            {
                sum += series[j].Value;
                expected += r.Centre;
                spread += r.Spread;
                count++;
            }
        }

        return (count, sum / count, expected / count, spread / count);
    }

    private static (double Threshold, int Calibration) Threshold(List<double> history, List<double> scratch, AnomalyOptions options)
    {
        var n = Math.Min(history.Count, options.MaxCalibration);
        var k = (int)Math.Ceiling(((n + 1) * (1 - options.FalseAlarmRate)) - 1e-9);
        if (n == 0 || k > n)
        {
            return (double.PositiveInfinity, n);
        }

        scratch.Clear();
        for (var j = history.Count - n; j < history.Count; j++)
        {
            scratch.Add(history[j]);
        }

        scratch.Sort();
        return (scratch[k - 1], n);
    }
}
