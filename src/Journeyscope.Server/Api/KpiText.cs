using Journeyscope.Kpis;

namespace Journeyscope.Server.Api;

/// <summary>KPI values, units and statuses as the API writes them; values are formatted as the CLI's <c>kpi</c> table does.</summary>
internal static class KpiText
{
    public static string Status(KpiStatus status) => status switch
    {
        KpiStatus.Met => "met",
        KpiStatus.Missed => "missed",
        KpiStatus.NoData => "noData",
        _ => "noTarget",
    };

    public static string Unit(KpiUnit unit) => unit switch
    {
        KpiUnit.Count => "count",
        KpiUnit.Ratio => "ratio",
        KpiUnit.Duration => "duration",
        KpiUnit.NetScore => "netScore",
        _ => "number",
    };

    public static string Category(KpiCategory category) => category.ToString().ToLowerInvariant();

    public static string Format(double? value, KpiUnit unit) => KpiFormat.Value(value, unit);

    /// <summary>A finite number, or null: JSON has no NaN or infinity.</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
