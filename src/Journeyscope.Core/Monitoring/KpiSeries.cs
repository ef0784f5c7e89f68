namespace Journeyscope.Monitoring;

/// <summary>
/// A monitored KPI over a schedule's stored periods with the expected range of each period: the one result of
/// <c>GET …/monitoring/schedules/{id}/series</c> and the Monitoring page's chart.
/// </summary>
/// <param name="Schedule">The schedule id.</param>
/// <param name="Kpi">The KPI id.</param>
/// <param name="Segment">The segment, or null for all cases.</param>
/// <param name="FalseAlarmRate">The false-alarm rate the expected ranges are calibrated for.</param>
/// <param name="Points">The periods, oldest first.</param>
public sealed record KpiSeries(string Schedule, string Kpi, string? Segment, double FalseAlarmRate, IReadOnlyList<KpiSeriesPoint> Points)
{
    /// <summary>The series of <paramref name="kpi"/> over <paramref name="snapshots"/> (oldest first), with the ranges <see cref="SeasonalBaseline"/> expected.</summary>
    public static KpiSeries From(
        string schedule, IReadOnlyList<PeriodSnapshot> snapshots, string kpi, string? segment, IReadOnlyList<KpiAlert> alerts, AnomalyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(alerts);
        options ??= AnomalyOptions.Default;
        var series = AlertEvaluator.Series(snapshots, kpi, segment);
        var ranges = SeasonalBaseline.Scan(series, options);
        var alerted = new HashSet<long>(alerts.Where(a => string.Equals(a.Kpi, kpi, StringComparison.Ordinal)).Select(a => a.PeriodEnd.UtcTicks));
        var points = new List<KpiSeriesPoint>(snapshots.Count);
        for (var i = 0; i < snapshots.Count; i++)
        {
            var s = snapshots[i];
            var k = s.Kpis.FirstOrDefault(x => string.Equals(x.Kpi, kpi, StringComparison.Ordinal) && string.Equals(x.Segment, segment, StringComparison.Ordinal));
            var r = ranges[i];
            points.Add(new KpiSeriesPoint(s.PeriodStart, s.PeriodEnd, k?.Value, k?.SampleSize ?? 0, k?.Low, k?.High, r?.Centre,
                r is { Calibrated: true } ? r.Low : null, r is { Calibrated: true } ? r.High : null, alerted.Contains(s.PeriodEnd.UtcTicks), k?.IntervalMethod));
        }

        return new KpiSeries(schedule, kpi, segment, options.FalseAlarmRate, points);
    }
}
