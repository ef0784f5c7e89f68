using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Kpis;

/// <summary>KPI values as people read them, the same in the CLI's tables, the KPI tree and the web API.</summary>
public static class KpiFormat
{
    /// <summary>
    /// <paramref name="value"/> in its <paramref name="unit"/>: durations as <c>3d4h</c>, shares as <see cref="Share"/>,
    /// counts with thousands separators, net scores (NPS) with one decimal (<c>-30.1</c>), other numbers with up to two
    /// decimals (<c>5.88</c>); <c>-</c> when there is no value. The one rounding rule of every surface (docs/kpis.md).
    /// </summary>
    public static string Value(double? value, KpiUnit unit) => value switch
    {
        null => "-",
        { } v when double.IsNaN(v) => "-",
        { } v when unit == KpiUnit.Duration => DurationText.FormatApproximate(v),
        { } v when unit == KpiUnit.Ratio => Share(v),
        { } v when unit == KpiUnit.Count => v.ToString("N0", CultureInfo.InvariantCulture),
        { } v when unit == KpiUnit.NetScore => v.ToString("0.0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A share in [0, 1] as a percentage with one decimal (<c>40.7%</c>, <c>80.0%</c>); a share that is not zero never
    /// reads <c>0.0%</c>: under 0.05 % it is <c>&lt;0.1%</c> (and over 99.95 % but under 1, <c>&gt;99.9%</c>).
    /// </summary>
    public static string Share(double share) => share switch
    {
        double.NaN => "-",
        > 0 and < 0.0005 => "<0.1%",
        > 0.9995 and < 1 => ">99.9%",
        _ => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
    };
}
