namespace Journeyscope.Kpis;

/// <summary>
/// A link of the KPI tree with its measured association: the cases split by the driver KPI's condition, and the parent KPI
/// compared between the two groups.
/// </summary>
/// <param name="ParentId">The KPI that is driven (for example NPS).</param>
/// <param name="DriverId">The driver KPI (for example delivery time).</param>
/// <param name="Split">How the cases were split, for example <c>order-cycle-time &lt;= 3d</c> or <c>above median 2d4h</c>.</param>
/// <param name="MetValue">The parent KPI over the cases where the driver's condition holds (on target), or <c>null</c>.</param>
/// <param name="MetCases">Number of those cases.</param>
/// <param name="MissedValue">The parent KPI over the cases where it does not hold, or <c>null</c>.</param>
/// <param name="MissedCases">Number of those cases.</param>
/// <param name="Difference">MissedValue − MetValue, or <c>null</c> when a group has no value.</param>
/// <param name="Lower">Lower bound of the 95% confidence interval of the difference.</param>
/// <param name="Upper">Upper bound of the 95% confidence interval of the difference.</param>
/// <param name="Method">How the interval was computed: <c>nps-variance</c> or <c>bootstrap</c>.</param>
public sealed record KpiAssociation(
    string ParentId,
    string DriverId,
    string Split,
    double? MetValue,
    int MetCases,
    double? MissedValue,
    int MissedCases,
    double? Difference,
    double? Lower,
    double? Upper,
    string Method)
{
    /// <summary>Whether the 95% interval excludes zero: the groups differ beyond chance.</summary>
    public bool Significant => Lower is { } low && Upper is { } high && (low > 0 || high < 0);
}
