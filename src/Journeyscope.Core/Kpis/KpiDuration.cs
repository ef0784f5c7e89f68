using System.Globalization;

namespace Journeyscope.Kpis;

/// <summary>Reads and writes durations the way journey files do: <c>45s</c>, <c>30m</c>, <c>4h</c>, <c>3d</c>, <c>2w</c>, <c>1d12h</c>.</summary>
public static class KpiDuration
{
    /// <summary>Parses a duration; parts are a number (decimals allowed) followed by <c>w</c>, <c>d</c>, <c>h</c>, <c>m</c> or <c>s</c>.</summary>
    /// <returns><c>false</c> when <paramref name="text"/> is not a duration.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        double seconds = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (i == start || i == text.Length)
            {
                return false;
            }

            if (!double.TryParse(text[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unit = text[i] switch
            {
                'w' => 7 * 86400.0,
                'd' => 86400.0,
                'h' => 3600.0,
                'm' => 60.0,
                's' => 1.0,
                _ => 0.0,
            };
            if (unit == 0.0)
            {
                return false;
            }

            seconds += amount * unit;
            i++;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>Writes <paramref name="seconds"/> in the largest whole units: <c>3d</c>, <c>1d12h</c>, <c>2h30m</c>, <c>12.5s</c>.</summary>
    public static string Format(double seconds)
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
}
