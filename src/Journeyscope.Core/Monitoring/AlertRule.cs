namespace Journeyscope.Monitoring;

/// <summary>An alert rule on one KPI of a scheduled journey.</summary>
/// <param name="Kpi">The KPI id in the journey.</param>
/// <param name="Kind">Threshold (the target) or anomaly (the seasonal baseline).</param>
/// <param name="FalseAlarmRate">For anomaly rules: the chance of an alarm per period on a series with no change (default 1 %).</param>
/// <param name="Seasonality">For anomaly rules: which earlier periods a value is compared with.</param>
public sealed record AlertRule(string Kpi, AlertKind Kind, double FalseAlarmRate = 0.01, Seasonality Seasonality = Seasonality.Weekday)
{
    /// <summary>The anomaly options of this rule.</summary>
    public AnomalyOptions Options() => new() { FalseAlarmRate = FalseAlarmRate, Seasonality = Seasonality };
}
