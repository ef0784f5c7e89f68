namespace Journeyscope.Monitoring;

/// <summary>How an alert rule decides that a KPI value needs attention.</summary>
public enum AlertKind
{
    /// <summary>The value misses the KPI's target (from the journey YAML).</summary>
    Threshold,

    /// <summary>One period's value lies outside the range its seasonal baseline expects (<see cref="SeasonalBaseline"/>).</summary>
    Anomaly,

    /// <summary>
    /// The KPI has stayed away from its seasonal baseline over several periods: a CUSUM of the standardised residuals
    /// exceeds its calibrated threshold (<see cref="SustainedShift"/>); catches shifts too small for one period.
    /// </summary>
    SustainedShift,
}
