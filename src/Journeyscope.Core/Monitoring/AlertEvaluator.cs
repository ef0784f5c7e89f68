using System.Globalization;
using Journeyscope.Filters;
using Journeyscope.Journeys;
using Journeyscope.Kpis;

namespace Journeyscope.Monitoring;

/// <summary>Evaluates a schedule's alert rules on a new snapshot against the snapshots before it.</summary>
/// <remarks>
/// Threshold rules alert in every period whose value misses the KPI's target. Anomaly rules alert when the value lies
/// outside the range the seasonal baseline of the earlier periods expects (<see cref="SeasonalBaseline"/>); sustained-shift
/// rules when the CUSUM of the residuals against that baseline exceeds its calibrated threshold (<see cref="SustainedShift"/>),
/// with the start of the shift; periods with no value are skipped. Each alert names the segment whose value moved most against its own baseline (in
/// spreads). Thread-safe: no shared state.
/// </remarks>
public static class AlertEvaluator
{
    /// <summary>The alerts of <paramref name="current"/>; <paramref name="history"/> holds the schedule's earlier snapshots, oldest first.</summary>
    public static IReadOnlyList<KpiAlert> Evaluate(
        MonitorSchedule schedule, DesignedJourney journey, IReadOnlyList<PeriodSnapshot> history, PeriodSnapshot current, DateTimeOffset raisedAt)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(current);
        var alerts = new List<KpiAlert>();
        var filter = new TimeWindowFilter(TimeWindowMode.Started, current.PeriodStart.UtcTicks, current.PeriodEnd.UtcTicks).ToString();
        foreach (var rule in schedule.EffectiveRules(journey))
        {
            var kpi = journey.Kpis.FirstOrDefault(k => string.Equals(k.Id, rule.Kpi, StringComparison.Ordinal));
            var snapshot = current.Kpis.FirstOrDefault(k => k.Segment is null && string.Equals(k.Kpi, rule.Kpi, StringComparison.Ordinal));
            if (kpi is null || snapshot?.Value is not { } value)
            {
                continue;
            }

            var unit = KpiCatalogue.Find(kpi.Kind)?.Unit ?? KpiUnit.Number;
            var options = rule.Options();
            double? expected;
            double? low;
            double? high;
            string why;
            ShiftStatistic? shift = null;
            if (rule.Kind == AlertKind.Threshold)
            {
                if (kpi.Target is null || !KpiTarget.TryParse(kpi.Target, out var target, out _) || target.Evaluate(value) != KpiStatus.Missed)
                {
                    continue;
                }

                expected = target.Value;
                low = target.Comparison is TargetComparison.AtLeast or TargetComparison.Above or TargetComparison.Equal ? target.Value : null;
                high = target.Comparison is TargetComparison.AtMost or TargetComparison.Below or TargetComparison.Equal ? target.Value : null;
                why = $"misses its target {target.Text}";
            }
            else if (rule.Kind == AlertKind.SustainedShift)
            {
                shift = SustainedShift.Check(Series(history, rule.Kpi, null), new SeriesPoint(current.PeriodStart, value), options);
                if (shift is not { Alarm: true } s)
                {
                    continue;
                }

                (low, high) = s.MeanRange(options.ShiftReference);
                expected = s.ExpectedMean;
                why = string.Create(CultureInfo.InvariantCulture,
                    $"has shifted {(s.Direction > 0 ? "up" : "down")} since {s.Start:yyyy-MM-dd HH:mm}: it averaged {KpiFormat.Value(s.Mean, unit)} over " +
                    $"{s.Periods} periods against an expected {KpiFormat.Value(s.ExpectedMean, unit)} (a sustained mean outside " +
                    $"{KpiFormat.Value(low.Value, unit)} to {KpiFormat.Value(high.Value, unit)}; CUSUM {s.Statistic:0.##} above its threshold " +
                    $"{s.Threshold:0.##}, {options.FalseAlarmRate:P1} false-alarm rate)");
            }
            else
            {
                var range = SeasonalBaseline.Expect(Series(history, rule.Kpi, null), current.PeriodStart, options);
                if (range is null || !range.Outside(value))
                {
                    continue;
                }

                (expected, low, high) = (range.Centre, range.Low, range.High);
                why = string.Create(CultureInfo.InvariantCulture,
                    $"is outside its expected range {KpiFormat.Value(range.Low, unit)} to {KpiFormat.Value(range.High, unit)} " +
                    $"(seasonal median {KpiFormat.Value(range.Centre, unit)}, {options.FalseAlarmRate:P1} false-alarm rate)");
            }

            var moved = MovedMost(history, current, rule.Kpi, options);
            var segmentText = moved is { } m
                ? $"; the segment that moved most is {schedule.SegmentBy} = {m.Segment} ({KpiFormat.Value(m.Value, unit)}, expected {KpiFormat.Value(m.Expected, unit)})"
                : string.Empty;
            var message = $"{kpi.Name} was {KpiFormat.Value(value, unit)} in the period {current.PeriodStart:yyyy-MM-dd HH:mm} to " +
                $"{current.PeriodEnd:yyyy-MM-dd HH:mm} ({snapshot.SampleSize} measured) and {why}{segmentText}.";
            var id = string.Create(CultureInfo.InvariantCulture,
                $"{schedule.Id}:{rule.Kpi}:{RuleKey(rule.Kind)}:{current.PeriodEnd.UtcDateTime:yyyyMMddTHHmmssZ}");
            alerts.Add(new KpiAlert(id, schedule.Id, journey.Id, rule.Kpi, kpi.Name, rule.Kind, current.PeriodStart, current.PeriodEnd, value, expected,
                low, high, snapshot.SampleSize, moved?.Segment, moved?.Value, moved?.Expected, filter, message, raisedAt, shift?.Start, shift?.Mean));
        }

        return alerts;
    }

    /// <summary>The rule's word in alert ids: <c>threshold</c>, <c>anomaly</c> or <c>shift</c>.</summary>
    public static string RuleKey(AlertKind kind) => kind switch
    {
        AlertKind.Threshold => "threshold",
        AlertKind.SustainedShift => "shift",
        _ => "anomaly",
    };

    /// <summary>The series of one KPI (one segment, or all cases when null) over snapshots, oldest first; NaN where nothing was measured.</summary>
    public static IReadOnlyList<SeriesPoint> Series(IReadOnlyList<PeriodSnapshot> snapshots, string kpi, string? segment)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var series = new List<SeriesPoint>(snapshots.Count);
        foreach (var snapshot in snapshots)
        {
            var value = double.NaN;
            foreach (var k in snapshot.Kpis)
            {
                if (string.Equals(k.Kpi, kpi, StringComparison.Ordinal) && string.Equals(k.Segment, segment, StringComparison.Ordinal) && k.Value is { } v)
                {
                    value = v;
                    break;
                }
            }

            series.Add(new SeriesPoint(snapshot.PeriodStart, value));
        }

        return series;
    }

    private static (string Segment, double Value, double Expected)? MovedMost(
        IReadOnlyList<PeriodSnapshot> history, PeriodSnapshot current, string kpi, AnomalyOptions options)
    {
        (string Segment, double Value, double Expected, double Score)? best = null;
        foreach (var k in current.Kpis)
        {
            if (k.Segment is null || !string.Equals(k.Kpi, kpi, StringComparison.Ordinal) || k.Value is not { } value)
            {
                continue;
            }

            if (SeasonalBaseline.Expect(Series(history, kpi, k.Segment), current.PeriodStart, options) is not { } range)
            {
                continue;
            }

            var score = Math.Abs(range.Score(value));
            if (best is null || score > best.Value.Score)
            {
                best = (k.Segment, value, range.Centre, score);
            }
        }

        return best is { } b ? (b.Segment, b.Value, b.Expected) : null;
    }
}
