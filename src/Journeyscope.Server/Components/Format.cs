using System.Globalization;

namespace Journeyscope.Server.Components;

/// <summary>Numbers and durations as the pages show them (invariant culture, so screenshots and tests are stable).</summary>
internal static class Format
{
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share as every surface writes it (<see cref="Kpis.KpiFormat.Share"/>: one decimal, never 0.0% for a non-zero share).</summary>
    public static string Percent(double? share) => share is { } s ? Kpis.KpiFormat.Share(s) : "–";

    public static string Duration(double? seconds)
    {
        if (seconds is not { } s || double.IsNaN(s) || double.IsInfinity(s))
        {
            return "–";
        }

        var a = Math.Abs(s);
        return a switch
        {
            < 60 => Round(s) + "s",
            < 3600 => Round(s / 60) + "m",
            < 86400 => Round(s / 3600) + "h",
            _ => Round(s / 86400) + "d",
        };

        static string Round(double x) => x.ToString(Math.Abs(x) >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture);
    }

    public static string Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "–";

    public static string Value(object? value) => value switch
    {
        null => "–",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "–",
    };
}
