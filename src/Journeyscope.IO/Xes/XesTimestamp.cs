using System.Runtime.CompilerServices;

namespace Journeyscope.IO;

/// <summary>
/// Parses and formats the ISO 8601 timestamps of XES (<c>xs:dateTime</c>) without allocating:
/// <c>yyyy-MM-ddTHH:mm:ss(.f{1,9})?(Z|±hh:mm|±hhmm)?</c>. A value without an offset is read as UTC.
/// </summary>
internal static class XesTimestamp
{
    /// <summary>Characters needed by <see cref="Format"/>: 19 + 8 fraction + 6 offset.</summary>
    public const int MaxFormattedLength = 33;

    private static readonly int[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    /// <summary>Parses <paramref name="text"/> into UTC ticks and the offset it was written with.</summary>
    /// <remarks>Fraction digits beyond the seventh (100 ns) are truncated. Leading and trailing spaces are allowed.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out long utcTicks, out short offsetMinutes)
    {
        utcTicks = 0;
        offsetMinutes = 0;
        text = text.Trim(' ');
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')
            || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var pos = 19;
        long fraction = 0;
        if (pos < text.Length && text[pos] == '.')
        {
            pos++;
            var digits = 0;
            while (pos < text.Length && (uint)(text[pos] - '0') <= 9)
            {
                if (digits < 7)
                {
                    fraction = (fraction * 10) + (text[pos] - '0');
                }

                digits++;
                pos++;
            }

            if (digits is 0 or > 9)
            {
                return false;
            }

            for (var d = digits; d < 7; d++)
            {
                fraction *= 10;
            }
        }

        var offset = 0;
        if (pos < text.Length)
        {
            var sign = text[pos];
            if (sign is 'Z' or 'z')
            {
                pos++;
            }
            else if (sign is '+' or '-')
            {
                pos++;
                int offsetHours;
                int offsetMins;
                if (text.Length - pos == 5 && text[pos + 2] == ':')
                {
                    if (!Digits(text, pos, 2, out offsetHours) || !Digits(text, pos + 3, 2, out offsetMins))
                    {
                        return false;
                    }
                }
                else if (text.Length - pos == 4)
                {
                    if (!Digits(text, pos, 2, out offsetHours) || !Digits(text, pos + 2, 2, out offsetMins))
                    {
                        return false;
                    }
                }
                else if (text.Length - pos == 2)
                {
                    if (!Digits(text, pos, 2, out offsetHours))
                    {
                        return false;
                    }

                    offsetMins = 0;
                }
                else
                {
                    return false;
                }

                if (offsetHours > 18 || offsetMins > 59)
                {
                    return false;
                }

                offset = (offsetHours * 60) + offsetMins;
                if (sign == '-')
                {
                    offset = -offset;
                }

                pos = text.Length;
            }

            if (pos != text.Length)
            {
                return false;
            }
        }

        var y = year - 1;
        var days = (y * 365L) + (y / 4) - (y / 100) + (y / 400) + DaysBeforeMonth[month - 1] + day - 1;
        if (month > 2 && IsLeap(year))
        {
            days++;
        }

        var local = (days * TimeSpan.TicksPerDay) + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute)
            + (second * TimeSpan.TicksPerSecond) + fraction;
        var utc = local - (offset * TimeSpan.TicksPerMinute);
        if (utc < 0 || utc > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utcTicks = utc;
        offsetMinutes = (short)offset;
        return true;
    }

    /// <summary>
    /// Writes the instant as local time at its offset: milliseconds when that is exact, otherwise 7 fraction digits,
    /// then <c>±hh:mm</c>. Returns the number of characters written (at most <see cref="MaxFormattedLength"/>).
    /// </summary>
    public static int Format(long utcTicks, short offsetMinutes, Span<char> destination)
    {
        var local = new DateTime(utcTicks + (offsetMinutes * TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
        var format = local.Ticks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff" : "yyyy-MM-dd'T'HH:mm:ss.fffffff";
        if (!local.TryFormat(destination, out var written, format, System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new ArgumentException("The destination is too small.", nameof(destination));
        }

        var minutes = (int)offsetMinutes;
        destination[written++] = minutes < 0 ? '-' : '+';
        minutes = Math.Abs(minutes);
        Two(destination, written, minutes / 60);
        destination[written + 2] = ':';
        Two(destination, written + 3, minutes % 60);
        return written + 5;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + (int)d;
        }

        return true;
    }

    private static void Two(Span<char> destination, int at, int value)
    {
        destination[at] = (char)('0' + (value / 10));
        destination[at + 1] = (char)('0' + (value % 10));
    }

    private static bool IsLeap(int year) => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    private static int DaysInMonth(int year, int month) =>
        month == 2 && IsLeap(year) ? 29 : DaysBeforeMonth[month] - DaysBeforeMonth[month - 1];
}
