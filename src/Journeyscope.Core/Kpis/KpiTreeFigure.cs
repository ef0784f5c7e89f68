namespace Journeyscope.Kpis;

/// <summary>A link of the KPI tree with its measured association and the figures formatted as people read them.</summary>
/// <param name="Kpi">The parent KPI id.</param>
/// <param name="KpiName">The parent KPI's name.</param>
/// <param name="Driver">The driver KPI id.</param>
/// <param name="DriverName">The driver KPI's name.</param>
/// <param name="Split">How the cases were split.</param>
/// <param name="OnTarget">The parent KPI where the driver is on target, or null.</param>
/// <param name="OnTargetCases">Cases with the driver on target.</param>
/// <param name="OffTarget">The parent KPI where the driver is off target, or null.</param>
/// <param name="OffTargetCases">Cases with the driver off target.</param>
/// <param name="Difference">OffTarget − OnTarget, or null.</param>
/// <param name="Lower">Lower bound of the 95% interval of the difference, or null.</param>
/// <param name="Upper">Upper bound of the 95% interval of the difference, or null.</param>
/// <param name="Method"><c>nps-variance</c> or <c>bootstrap</c>.</param>
/// <param name="Significant">Whether the interval excludes zero.</param>
/// <param name="FormattedOnTarget">OnTarget as people read it.</param>
/// <param name="FormattedOffTarget">OffTarget as people read it.</param>
/// <param name="FormattedDifference">Difference as people read it.</param>
/// <param name="FormattedInterval">The interval as <c>[lower, upper]</c>.</param>
public sealed record KpiTreeFigure(
    string Kpi,
    string KpiName,
    string Driver,
    string DriverName,
    string Split,
    double? OnTarget,
    int OnTargetCases,
    double? OffTarget,
    int OffTargetCases,
    double? Difference,
    double? Lower,
    double? Upper,
    string Method,
    bool Significant,
    string FormattedOnTarget,
    string FormattedOffTarget,
    string FormattedDifference,
    string FormattedInterval);
