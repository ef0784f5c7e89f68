using System.Globalization;
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

    public static string Format(double? value, KpiUnit unit) => value switch
    {
        null => "-",
        { } v when double.IsNaN(v) => "-",
        { } v when unit == KpiUnit.Duration => KpiDuration.Format(v),
        { } v when unit == KpiUnit.Ratio => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        { } v when unit == KpiUnit.Count => v.ToString("N0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>A finite number, or null: JSON has no NaN or infinity.</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
