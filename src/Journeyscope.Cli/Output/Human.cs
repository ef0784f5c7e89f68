using System.Globalization;

namespace Journeyscope.Cli.Output;

/// <summary>
/// How every table shows a duration (<c>3d 4h</c>) and a share (<c>49.7 %</c>) to people. JSON and CSV keep the number
/// (seconds, hours or a fraction, as the column says): wrap a cell in <see cref="Human.Duration(double, DurationUnit)"/>
/// or <see cref="Human.Share(double)"/> and <see cref="Table"/> does the rest.
/// </summary>
internal static class Human
{
    /// <summary>A duration cell of <paramref name="value"/> in <paramref name="unit"/> (CSV and JSON keep that value).</summary>
    public static DurationCell? Duration(double? value, DurationUnit unit = DurationUnit.Seconds) =>
        value is { } v ? new DurationCell(v, unit) : null;

    /// <summary>A duration cell of <paramref name="value"/> in <paramref name="unit"/> (CSV and JSON keep that value).</summary>
    public static DurationCell Duration(double value, DurationUnit unit = DurationUnit.Seconds) => new(value, unit);

    /// <summary>A share cell of <paramref name="fraction"/> (0..1; CSV and JSON keep the fraction).</summary>
    public static ShareCell? Share(double? fraction) => fraction is { } f ? new ShareCell(f) : null;

    /// <summary>A share cell of <paramref name="fraction"/> (0..1; CSV and JSON keep the fraction).</summary>
    public static ShareCell Share(double fraction) => new(fraction);

    /// <summary>
    /// A duration in its two largest units: <c>3d 4h</c>, <c>2h 5m</c>, <c>4m 10s</c>, <c>12s</c>, <c>0.25s</c>, <c>0s</c>;
    /// 365 days and more in days only (<c>400d</c>). Negative durations get a minus sign; NaN is empty.
    /// </summary>
    public static string FormatDuration(double seconds)
    {
        if (double.IsNaN(seconds))
        {
            return "";
        }

        if (double.IsInfinity(seconds))
        {
            return seconds > 0 ? "∞" : "-∞";
        }

        var sign = seconds < 0 ? "-" : "";
        var s = Math.Abs(seconds);
        if (s < 1)
        {
            return s == 0 ? "0s" : sign + s.ToString("0.##", CultureInfo.InvariantCulture) + "s";
        }

        var total = (long)Math.Round(s, MidpointRounding.AwayFromZero);
        var days = total / 86_400;
        var hours = total % 86_400 / 3_600;
        var minutes = total % 3_600 / 60;
        var secs = total % 60;
        var text = days >= 365 ? Unit(days, "d")
            : days > 0 ? Pair(days, "d", hours, "h")
            : hours > 0 ? Pair(hours, "h", minutes, "m")
            : minutes > 0 ? Pair(minutes, "m", secs, "s")
            : Unit(secs, "s");
        return sign + text;

        static string Unit(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + unit;

        static string Pair(long first, string firstUnit, long second, string secondUnit) =>
            second == 0 ? Unit(first, firstUnit) : Unit(first, firstUnit) + " " + Unit(second, secondUnit);
    }

    /// <summary>A fraction as a percentage with one decimal: <c>0.497</c> is <c>49.7 %</c>; NaN is empty.</summary>
    public static string FormatShare(double fraction) =>
        double.IsNaN(fraction) ? "" : (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}

/// <summary>The unit a duration cell's number is in (what CSV and JSON show).</summary>
internal enum DurationUnit
{
    /// <summary>Seconds.</summary>
    Seconds,

    /// <summary>Hours.</summary>
    Hours,
}

/// <summary>A table cell holding a duration: <c>3d 4h</c> for people, the number in its unit for scripts.</summary>
internal readonly record struct DurationCell(double Value, DurationUnit Unit)
{
    /// <summary>The duration in seconds.</summary>
    public double Seconds => Unit == DurationUnit.Hours ? Value * 3600 : Value;
}

/// <summary>A table cell holding a share: <c>49.7 %</c> for people, the fraction for scripts.</summary>
internal readonly record struct ShareCell(double Fraction);
