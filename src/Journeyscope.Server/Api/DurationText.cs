using System.Globalization;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>Durations in the CLI's text form (<c>90s</c>, <c>15m</c>, <c>1.5h</c>, <c>7d</c>, <c>2w</c>) for windows and churn rules.</summary>
internal static class DurationText
{
    /// <summary>Parses <paramref name="text"/>; a bad one is a 400 naming <paramref name="field"/>.</summary>
    public static TimeSpan Parse(string text, string field)
    {
        var trimmed = text.Trim();
        var split = 0;
        while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] == '.'))
        {
            split++;
        }

        long unit = trimmed[split..].ToLowerInvariant() switch
        {
            "s" => TimeSpan.TicksPerSecond,
            "m" or "min" => TimeSpan.TicksPerMinute,
            "h" => TimeSpan.TicksPerHour,
            "d" => TimeSpan.TicksPerDay,
            "w" => 7 * TimeSpan.TicksPerDay,
            _ => 0,
        };
        if (split == 0 || unit == 0 ||
            !double.TryParse(trimmed.AsSpan(0, split), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ||
            amount <= 0 || amount * unit > TimeSpan.MaxValue.Ticks / 2)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid duration",
                $"{field} expects a positive duration such as 90s, 15m, 1.5h, 7d or 2w; got '{text}'.",
                new Dictionary<string, object?> { ["field"] = field });
        }

        return TimeSpan.FromTicks((long)Math.Round(amount * unit));
    }
}
