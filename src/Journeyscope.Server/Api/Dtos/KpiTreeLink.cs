namespace Journeyscope.Server.Api.Dtos;

/// <summary>
/// One link of the KPI tree: the parent KPI over the cases where the driver met its target vs where it missed it, with the
/// difference and its 95 % interval (docs/kpis.md).
/// </summary>
/// <param name="Kpi">The parent KPI id.</param>
/// <param name="KpiName">The parent's display name.</param>
/// <param name="Driver">The driver KPI id.</param>
/// <param name="DriverName">The driver's display name.</param>
/// <param name="Split">How the cases were split (the driver's target, or its median without one).</param>
/// <param name="OnTarget">The parent over the cases where the driver met its target, or null.</param>
/// <param name="OnTargetCases">Cases in the on-target group.</param>
/// <param name="OffTarget">The parent over the cases where the driver missed its target, or null.</param>
/// <param name="OffTargetCases">Cases in the off-target group.</param>
/// <param name="Difference">OffTarget − OnTarget (what missing the driver's target costs or brings), or null.</param>
/// <param name="Lower">Lower bound of the 95 % interval of the difference, or null.</param>
/// <param name="Upper">Upper bound of that interval, or null.</param>
/// <param name="Method"><c>nps-variance</c> or <c>bootstrap</c>.</param>
/// <param name="Significant">Whether the interval excludes zero.</param>
/// <param name="FormattedOnTarget">OnTarget in the parent's unit.</param>
/// <param name="FormattedOffTarget">OffTarget in the parent's unit.</param>
/// <param name="FormattedDifference">The difference in the parent's unit.</param>
/// <param name="FormattedInterval">The interval, <c>[low, high]</c>, in the parent's unit.</param>
public sealed record KpiTreeLink(
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
