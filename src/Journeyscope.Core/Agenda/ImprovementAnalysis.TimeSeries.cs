using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Agenda;

public static partial class ImprovementAnalysis
{
    /// <summary>
    /// Interrupted time series on the daily outcome rate or KPI value (cases by the UTC day they start): weighted least squares of
    /// rate on an intercept, a linear trend, weekday effects and a level change at the improvement's date; the level
    /// change is the effect, with its normal interval from the model's residual variance.
    /// </summary>
    private static ImprovementReport TimeSeries(
        EventLog log, long version, Improvement improvement, ImprovementMeasure measure, ImprovementOptions options, List<string> notes, CancellationToken cancellationToken)
    {
        const string IntervalText = "weighted least squares (trend, weekday, level change), normal interval";
        var days = new SortedDictionary<long, (double Weight, double Sum)>();
        List<int> beforeCases = [], afterCases = [];
        var from = improvement.From.UtcTicks;
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (measure.Denominator[c] <= 0)
            {
                continue;
            }

            var start = log.Timestamps[log.CaseStart(c)];
            var day = start / TimeSpan.TicksPerDay;
            var current = days.GetValueOrDefault(day);
            days[day] = (current.Weight + measure.Denominator[c], current.Sum + measure.Numerator[c]);
            (start >= from ? afterCases : beforeCases).Add(c);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var before = measure.Cell(beforeCases);
        var afterCell = measure.Cell(afterCases);
        notes.Add("No comparison group (no segment got the change first): the effect is the level change at the date, after a linear trend and weekday effects; other changes at the same date are not separated from it.");
        var changeDay = from / TimeSpan.TicksPerDay;
        var daysBefore = days.Keys.Count(d => d < changeDay);
        var daysAfter = days.Count - daysBefore;
        if (daysBefore < options.MinDays || daysAfter < options.MinDays || before.Cases < options.MinCases || afterCell.Cases < options.MinCases)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"A time series needs {options.MinDays} days and {options.MinCases} cases on each side of the date; it has {daysBefore} and {daysAfter} days, {before.Cases} and {afterCell.Cases} cases."));
            return new ImprovementReport(log.TimeBasis, version, improvement, InterruptedTimeSeries, NotEnoughData, null, null, null, IntervalText,
                before, afterCell, null, null, null, notes);
        }

        var (effect, se) = LevelChange(days, changeDay);
        var low = effect - (RootCauseStatistics.Z95 * se);
        var high = effect + (RootCauseStatistics.Z95 * se);
        var verdict = low > 0 || high < 0 ? EffectDetected : NoEffectDetected;
        return new ImprovementReport(log.TimeBasis, version, improvement, InterruptedTimeSeries, verdict, effect, low, high, IntervalText,
            before, afterCell, null, null, null, notes);
    }

    /// <summary>The level change's estimate and standard error.</summary>
    private static (double Effect, double StandardError) LevelChange(SortedDictionary<long, (double Weight, double Sum)> days, long changeDay)
    {
        var firstDay = days.Keys.First();
        var weekdays = days.Keys.Select(WeekdayOf).Distinct().Order().Skip(1).ToList();
        var k = 3 + weekdays.Count;
        var a = new double[k, k];
        var b = new double[k];
        var x = new double[k];
        foreach (var (day, (cases, hits)) in days)
        {
            Row(day, x);
            var y = hits / cases;
            for (var i = 0; i < k; i++)
            {
                b[i] += cases * x[i] * y;
                for (var j = 0; j < k; j++)
                {
                    a[i, j] += cases * x[i] * x[j];
                }
            }
        }

        var coefficients = Solve(a, b);
        double residual = 0;
        foreach (var (day, (cases, hits)) in days)
        {
            Row(day, x);
            var fitted = 0.0;
            for (var i = 0; i < k; i++)
            {
                fitted += coefficients[i] * x[i];
            }

            var r = (hits / cases) - fitted;
            residual += cases * r * r;
        }

        var variance = residual / Math.Max(1, days.Count - k);
        var unit = new double[k];
        unit[2] = 1;
        var column = Solve(a, unit);
        return (coefficients[2], Math.Sqrt(Math.Max(0, variance * column[2])));

        void Row(long day, double[] row)
        {
            row[0] = 1;
            row[1] = (day - firstDay) / 365.0;
            row[2] = day >= changeDay ? 1 : 0;
            var weekday = WeekdayOf(day);
            for (var w = 0; w < weekdays.Count; w++)
            {
                row[3 + w] = weekday == weekdays[w] ? 1 : 0;
            }
        }
    }

    private static int WeekdayOf(long day) => (int)new DateTime(day * TimeSpan.TicksPerDay, DateTimeKind.Utc).DayOfWeek;

    /// <summary>Solves a small dense system by Gaussian elimination with partial pivoting (a copy of <paramref name="matrix"/> is used).</summary>
    private static double[] Solve(double[,] matrix, double[] rhs)
    {
        var n = rhs.Length;
        var m = (double[,])matrix.Clone();
        var v = (double[])rhs.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(m[pivot, col]) < 1e-12)
            {
                continue;
            }

            if (pivot != col)
            {
                for (var j = 0; j < n; j++)
                {
                    (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
                }

                (v[col], v[pivot]) = (v[pivot], v[col]);
            }

            for (var row = 0; row < n; row++)
            {
                if (row == col)
                {
                    continue;
                }

                var factor = m[row, col] / m[col, col];
                for (var j = col; j < n; j++)
                {
                    m[row, j] -= factor * m[col, j];
                }

                v[row] -= factor * v[col];
            }
        }

        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = Math.Abs(m[i, i]) < 1e-12 ? 0 : v[i] / m[i, i];
        }

        return result;
    }
}
