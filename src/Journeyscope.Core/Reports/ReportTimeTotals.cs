namespace Journeyscope.Reports;

/// <summary>A time measure over the cases, in seconds.</summary>
/// <param name="Total">The sum over the cases.</param>
/// <param name="Mean">The mean per case.</param>
public sealed record ReportTimeTotals(double Total, double Mean);
