namespace Journeyscope.Kpis;

/// <summary>How a KPI value compares with its target.</summary>
public enum KpiStatus
{
    /// <summary>The KPI has no target.</summary>
    NoTarget,

    /// <summary>The value meets the target.</summary>
    Met,

    /// <summary>The value misses the target.</summary>
    Missed,

    /// <summary>There is no value: nothing was measured in this period or segment.</summary>
    NoData,
}
