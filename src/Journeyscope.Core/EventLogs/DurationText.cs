using System.Globalization;
using System.Text;

namespace Journeyscope.EventLogs;

/// <summary>
/// The one duration syntax of Journeyscope, shared by journey files (time targets, KPI parameters and targets), filters,
/// funnel windows and the command line: <c>90s</c>, <c>15m</c>, <c>1.5h</c>, <c>3d</c>, <c>2w</c>, <c>1d12h</c>, <c>250ms</c>.
/// </summary>
/// <remarks>
/// A duration is one or more parts, each a non-negative number (decimals allowed) directly followed by a unit:
/// <c>w</c> (weeks of 7 days), <c>d</c> (days of 24 hours), <c>h</c>, <c>m</c> or <c>min</c> (minutes), <c>s</c>,
/// <c>ms</c>. Units are case-insensitive and written from the largest down, each at most once, so <c>30m1h</c> is
/// rejected as a likely typo. Values are rounded to whole ticks (100 ns). <see cref="Format"/> writes the shortest
/// such text, and parsing it gives the same value back.
/// </remarks>
public static class DurationText
{
    /// <summary>What a duration looks like, for error messages: "a duration such as 90s, 15m, 1.5h, 3d, 2w or 1d12h".</summary>
    public const string Expected = "a duration such as 90s, 15m, 1.5h, 3d, 2w or 1d12h (units w, d, h, m, s, ms)";

    private static readonly (string Unit, long Ticks)[] Units =
    [
        ("w", TimeSpan.TicksPerDay * 7),
        ("d", TimeSpan.TicksPerDay),
        ("h", TimeSpan.TicksPerHour),
        ("m", TimeSpan.TicksPerMinute),
        ("s", TimeSpan.TicksPerSecond),
        ("ms", TimeSpan.TicksPerMillisecond),
    ];

    /// <summary>Reads a duration; returns <c>false</c> when <paramref name="text"/> is not one (see the remarks of <see cref="DurationText"/>).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        decimal ticks = 0;
        var nextUnit = 0;
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            if (position == start ||
                !decimal.TryParse(text[start..position], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }

            var index = UnitIndex(text[unitStart..position]);
            if (index < nextUnit)
            {
                return false;
            }

            nextUnit = index + 1;
            ticks += amount * Units[index].Ticks;
            if (ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }
        }

        duration = TimeSpan.FromTicks((long)Math.Round(ticks, MidpointRounding.AwayFromZero));
        return true;
    }

    /// <summary>Reads a duration, or throws <see cref="FormatException"/> naming <see cref="Expected"/>.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"Expected {Expected}, got '{text}'.");

    /// <summary>Writes <paramref name="duration"/> in the shortest form (<c>1d12h</c>, <c>90m</c> as <c>1h30m</c>, <c>1.5s</c>); zero is <c>0s</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative.</exception>
    public static string Format(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        var rest = duration.Ticks;
        for (var i = 0; i < Units.Length - 2; i++)
        {
            var amount = rest / Units[i].Ticks;
            if (amount > 0)
            {
                builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(Units[i].Unit);
                rest -= amount * Units[i].Ticks;
            }
        }

        if (rest > 0)
        {
            // Seconds with as many decimals as the ticks need: exact, so that Parse(Format(x)) == x.
            var seconds = rest / (decimal)TimeSpan.TicksPerSecond;
            builder.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('s');
        }

        return builder.ToString();
    }

    /// <summary>Writes <paramref name="seconds"/> for people, in at most the two largest whole units: <c>3d</c>, <c>1d12h</c>, <c>2h30m</c>, <c>12.5s</c> (rounded, not for reading back).</summary>
    public static string FormatApproximate(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            return seconds.ToString(CultureInfo.InvariantCulture);
        }

        var negative = seconds < 0;
        var rest = Math.Abs(seconds);
        var parts = new System.Text.StringBuilder();
        if (negative)
        {
            parts.Append('-');
        }

        Span<(double Size, char Unit)> units = [(86400, 'd'), (3600, 'h'), (60, 'm')];
        var wrote = 0;
        foreach (var (size, unit) in units)
        {
            if (rest >= size && wrote < 2)
            {
                var whole = Math.Floor(rest / size);
                parts.Append(whole.ToString(CultureInfo.InvariantCulture)).Append(unit);
                rest -= whole * size;
                wrote++;
            }
        }

        if (wrote == 0 || (wrote == 1 && rest >= 1 && seconds < 3600))
        {
            parts.Append(Math.Round(rest, wrote == 0 ? 1 : 0).ToString(CultureInfo.InvariantCulture)).Append('s');
        }

        return parts.ToString();
    }

    private static int UnitIndex(ReadOnlySpan<char> unit)
    {
        if (unit.Equals("min", StringComparison.OrdinalIgnoreCase))
        {
            return 3;
        }

        for (var i = 0; i < Units.Length; i++)
        {
            if (unit.Equals(Units[i].Unit, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
