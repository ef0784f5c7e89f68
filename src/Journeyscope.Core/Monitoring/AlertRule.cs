namespace Journeyscope.Monitoring;

/// <summary>An alert rule on one KPI of a scheduled journey.</summary>
/// <param name="Kpi">The KPI id in the journey.</param>
/// <param name="Kind">Threshold (the target), anomaly (one period against the seasonal baseline) or sustained shift (a CUSUM over periods).</param>
/// <param name="FalseAlarmRate">For anomaly and sustained-shift rules: the chance of an alarm per period on a series with no change (default 1 %).</param>
/// <param name="Seasonality">For anomaly and sustained-shift rules: which earlier periods a value is compared with.</param>
/// <param name="Reference">For sustained-shift rules: the CUSUM's reference k in spreads, about half the shift to find (default 0.5).</param>
public sealed record AlertRule(
    string Kpi, AlertKind Kind, double FalseAlarmRate = 0.01, Seasonality Seasonality = Seasonality.Weekday, double Reference = 0.5)
{
    /// <summary>The anomaly options of this rule.</summary>
    public AnomalyOptions Options() => new() { FalseAlarmRate = FalseAlarmRate, Seasonality = Seasonality, ShiftReference = Reference };
}
