namespace Journeyscope.Monitoring;

/// <summary>How an alert rule decides that a KPI value needs attention.</summary>
public enum AlertKind
{
    /// <summary>The value misses the KPI's target (from the journey YAML).</summary>
    Threshold,

    /// <summary>The value lies outside the range its seasonal baseline expects (<see cref="SeasonalBaseline"/>).</summary>
    Anomaly,
}
