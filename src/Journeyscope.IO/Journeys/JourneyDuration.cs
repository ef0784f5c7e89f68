using System.Globalization;
using System.Text;

namespace Journeyscope.IO.Journeys;

/// <summary>Durations as journey files write them: <c>30m</c>, <c>4h</c>, <c>3d</c>, <c>1d12h</c>, <c>2w</c>.</summary>
/// <remarks>
/// A duration is one or more parts, each a whole number followed by a unit: <c>w</c> (weeks), <c>d</c> (days),
/// <c>h</c> (hours), <c>m</c> (minutes), <c>s</c> (seconds). Parts are written from the largest unit down, each unit
/// at most once. <see cref="Format"/> writes the shortest such text, so formatting then parsing gives the same value
/// for every whole number of seconds.
/// </remarks>
public static class JourneyDuration
{
    private static readonly (char Unit, long Ticks)[] Units =
    [
        ('w', TimeSpan.TicksPerDay * 7),
        ('d', TimeSpan.TicksPerDay),
        ('h', TimeSpan.TicksPerHour),
        ('m', TimeSpan.TicksPerMinute),
        ('s', TimeSpan.TicksPerSecond),
    ];

    /// <summary>Reads a duration; returns <c>false</c> when the text is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        long ticks = 0;
        var nextUnit = 0;
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            if (position == start || position >= text.Length ||
                !long.TryParse(text[start..position], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unit = char.ToLowerInvariant(text[position++]);
            var index = Array.FindIndex(Units, nextUnit, u => u.Unit == unit);
            if (index < 0)
            {
                return false;
            }

            nextUnit = index + 1;
            try
            {
                ticks = checked(ticks + (amount * Units[index].Ticks));
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        duration = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Writes a duration in the shortest form, for example <c>1d12h</c>; zero is <c>0m</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or not a whole number of seconds.</exception>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero || duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A journey duration is a non-negative whole number of seconds.");
        }

        if (duration == TimeSpan.Zero)
        {
            return "0m";
        }

        var builder = new StringBuilder();
        var rest = duration.Ticks;
        foreach (var (unit, ticks) in Units)
        {
            var amount = rest / ticks;
            if (amount > 0)
            {
                builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
                rest -= amount * ticks;
            }
        }

        return builder.ToString();
    }
}
