using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Kpis;

/// <summary>KPI values as people read them, the same in the CLI's tables, the KPI tree and the web API.</summary>
public static class KpiFormat
{
    /// <summary>
    /// <paramref name="value"/> in its <paramref name="unit"/>: durations as <c>3d4h</c>, shares as <c>12.5%</c>, counts with
    /// thousands separators, other numbers with up to two decimals; <c>-</c> when there is no value.
    /// </summary>
    public static string Value(double? value, KpiUnit unit) => value switch
    {
        null => "-",
        { } v when double.IsNaN(v) => "-",
        { } v when unit == KpiUnit.Duration => DurationText.FormatApproximate(v),
        { } v when unit == KpiUnit.Ratio => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        { } v when unit == KpiUnit.Count => v.ToString("N0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
