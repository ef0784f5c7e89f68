using System.Globalization;

namespace Journeyscope.IO;

/// <summary>How the text of a timestamp column is read: detected from a sample or given by the user.</summary>
internal sealed class TimestampFormat
{
    private const long UnixEpochTicks = 621355968000000000;
    private const long MaxUnixSeconds = 4102444800; // 2100-01-01

    private TimestampFormat(TimestampKind kind, string display, string? custom = null)
    {
        Kind = kind;
        Display = display;
        Custom = custom;
        CustomHasOffset = custom is not null && (custom.Contains('z', StringComparison.Ordinal) || custom.Contains('K', StringComparison.Ordinal));
    }

    public static TimestampFormat Iso { get; } = new(TimestampKind.Iso, "iso");

    public static TimestampFormat UnixSeconds { get; } = new(TimestampKind.UnixSeconds, "unix-s");

    public static TimestampFormat UnixMilliseconds { get; } = new(TimestampKind.UnixMilliseconds, "unix-ms");

    public TimestampKind Kind { get; }

    /// <summary>The format as shown to users: <c>iso</c>, <c>unix-s</c>, <c>unix-ms</c> or a .NET pattern.</summary>
    public string Display { get; }

    public string? Custom { get; }

    public bool CustomHasOffset { get; }

    /// <summary>Parses the user's option: <c>iso</c>, <c>unix-s</c>, <c>unix-ms</c> or a .NET custom format string.</summary>
    public static TimestampFormat FromOption(string option) => option.ToUpperInvariant() switch
    {
        "ISO" => Iso,
        "UNIX-S" => UnixSeconds,
        "UNIX-MS" => UnixMilliseconds,
        _ => new TimestampFormat(TimestampKind.Custom, option, option),
    };

    /// <summary>Detects the format shared by every value of a sample; null when no format fits them all.</summary>
    /// <param name="values">Non-empty sample values.</param>
    /// <param name="allowUnix">Whether plain integers may be read as Unix times.</param>
    /// <param name="ambiguous">Set when day-first and month-first both fit and day-first was chosen.</param>
    public static TimestampFormat? Detect(IReadOnlyList<string> values, bool allowUnix, out bool ambiguous)
    {
        ambiguous = false;
        if (values.Count == 0)
        {
            return null;
        }

        if (All(values, Iso))
        {
            return Iso;
        }

        if (allowUnix)
        {
            var maxDigits = 0;
            var allIntegers = true;
            foreach (var value in values)
            {
                var span = value.AsSpan().Trim();
                if (!long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < 0)
                {
                    allIntegers = false;
                    break;
                }

                maxDigits = Math.Max(maxDigits, span.Length);
            }

            if (allIntegers)
            {
                var format = maxDigits <= 10 ? UnixSeconds : maxDigits <= 13 ? UnixMilliseconds : null;
                if (format is not null && All(values, format))
                {
                    return format;
                }
            }
        }

        // Day, month and year separated by '-', '/' or '.': decide the order from the sample.
        var yearFirst = true;
        var firstOver12 = false;
        var secondOver12 = false;
        foreach (var value in values)
        {
            if (!TrySplitDate(value.AsSpan().Trim(), out var a, out var b, out var aDigits, out _))
            {
                return null;
            }

            yearFirst &= aDigits == 4;
            firstOver12 |= a > 12;
            secondOver12 |= b > 12;
        }

        var sample = values[0].AsSpan().Trim();
        TimestampFormat candidate;
        if (yearFirst)
        {
            candidate = new TimestampFormat(TimestampKind.YearMonthDay, DescribePattern(sample, "yyyy", "MM", "dd"));
        }
        else if (firstOver12 && secondOver12)
        {
            return null;
        }
        else if (secondOver12)
        {
            candidate = new TimestampFormat(TimestampKind.MonthDayYear, DescribePattern(sample, "MM", "dd", "yyyy"));
        }
        else
        {
            ambiguous = !firstOver12;
            candidate = new TimestampFormat(TimestampKind.DayMonthYear, DescribePattern(sample, "dd", "MM", "yyyy"));
        }

        return All(values, candidate) ? candidate : null;
    }

    /// <summary>Parses <paramref name="text"/>; a value without offset is wall-clock time in <paramref name="zone"/>.</summary>
    public bool TryParse(ReadOnlySpan<char> text, TimeZoneInfo zone, out long utcTicks, out short offsetMinutes)
    {
        text = text.Trim();
        utcTicks = 0;
        offsetMinutes = 0;
        long wallTicks;
        int? offset;
        switch (Kind)
        {
            case TimestampKind.Iso:
                if (!TryParseIso(text, out wallTicks, out offset))
                {
                    return false;
                }

                break;
            case TimestampKind.UnixSeconds or TimestampKind.UnixMilliseconds:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                var seconds = Kind == TimestampKind.UnixSeconds ? number : number / 1000;
                if (seconds < 0 || seconds > MaxUnixSeconds)
                {
                    return false;
                }

                utcTicks = UnixEpochTicks + (Kind == TimestampKind.UnixSeconds
                    ? number * TimeSpan.TicksPerSecond
                    : number * TimeSpan.TicksPerMillisecond);
                offsetMinutes = zone == TimeZoneInfo.Utc ? (short)0 : (short)zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).TotalMinutes;
                return true;
            case TimestampKind.Custom:
                if (CustomHasOffset)
                {
                    if (!DateTimeOffset.TryParseExact(text, Custom, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
                    {
                        return false;
                    }

                    utcTicks = dto.UtcTicks;
                    offsetMinutes = (short)dto.Offset.TotalMinutes;
                    return true;
                }

                if (!DateTime.TryParseExact(text, Custom, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
                {
                    return false;
                }

                wallTicks = dt.Ticks;
                offset = null;
                break;
            default:
                if (!TryParseNumericDate(text, Kind, out wallTicks))
                {
                    return false;
                }

                offset = null;
                break;
        }

        if (offset is { } known)
        {
            utcTicks = wallTicks - (known * TimeSpan.TicksPerMinute);
            offsetMinutes = (short)known;
            return utcTicks >= 0 && utcTicks <= DateTime.MaxValue.Ticks;
        }

        if (zone == TimeZoneInfo.Utc)
        {
            utcTicks = wallTicks;
            return true;
        }

        var zoneOffset = zone.GetUtcOffset(new DateTime(wallTicks, DateTimeKind.Unspecified));
        utcTicks = wallTicks - zoneOffset.Ticks;
        offsetMinutes = (short)zoneOffset.TotalMinutes;
        return utcTicks >= 0 && utcTicks <= DateTime.MaxValue.Ticks;
    }

    /// <summary>
    /// ISO 8601: <c>yyyy-MM-dd</c>, optionally followed by 'T' or a space and <c>HH:mm[:ss[.f…]]</c>, optionally by
    /// <c>Z</c>, <c>±HH:mm</c>, <c>±HHmm</c>, <c>±HH</c>, <c> ±HHmm</c> (space first) or <c> UTC</c>.
    /// </summary>
    public static bool TryParseIso(ReadOnlySpan<char> s, out long wallTicks, out int? offsetMinutes)
    {
        wallTicks = 0;
        offsetMinutes = null;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-' ||
            !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day) ||
            year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        long ticks = new DateTime(year, month, day).Ticks;
        var i = 10;
        if (i < s.Length && (s[i] == 'T' || s[i] == ' ') && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
            if (!TryParseTime(s, ref i, out var timeTicks))
            {
                return false;
            }

            ticks += timeTicks;
        }

        if (i < s.Length)
        {
            var rest = s[i..];
            if (rest.Length is 6 or 7 && rest[0] == ' ' && rest[1] is '+' or '-')
            {
                // "2015-02-24 11:35:52 -0800": Ruby's and Twitter's Time#to_s put a space before the offset.
                rest = rest[1..];
            }

            if (rest is "Z" || rest is "z" || rest.Equals(" UTC", StringComparison.Ordinal) || rest.Equals(" Z", StringComparison.Ordinal))
            {
                offsetMinutes = 0;
            }
            else if (rest.Length >= 3 && rest[0] is '+' or '-' && Digits(rest, 1, 2, out var hours))
            {
                var minutes = 0;
                if (rest.Length == 6 && rest[3] == ':' && Digits(rest, 4, 2, out minutes))
                {
                }
                else if (rest.Length == 5 && Digits(rest, 3, 2, out minutes))
                {
                }
                else if (rest.Length != 3)
                {
                    return false;
                }

                if (hours > 14 || minutes > 59)
                {
                    return false;
                }

                offsetMinutes = (rest[0] == '-' ? -1 : 1) * ((hours * 60) + minutes);
            }
            else
            {
                return false;
            }
        }

        wallTicks = ticks;
        return true;
    }

    private static bool TryParseNumericDate(ReadOnlySpan<char> s, TimestampKind kind, out long wallTicks)
    {
        wallTicks = 0;
        if (!TrySplitDate(s, out var a, out var b, out _, out var end))
        {
            return false;
        }

        // TrySplitDate validated the first two parts; the third ends at 'end'.
        var thirdStart = end;
        while (thirdStart > 0 && char.IsAsciiDigit(s[thirdStart - 1]))
        {
            thirdStart--;
        }

        if (!Digits(s, thirdStart, end - thirdStart, out var c))
        {
            return false;
        }

        var (year, month, day) = kind switch
        {
            TimestampKind.YearMonthDay => (a, b, c),
            TimestampKind.MonthDayYear => (c, a, b),
            _ => (c, b, a),
        };
        if (year < 100 && kind != TimestampKind.YearMonthDay)
        {
            year += year < 70 ? 2000 : 1900;
        }

        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        long ticks = new DateTime(year, month, day).Ticks;
        var i = end;
        if (i < s.Length)
        {
            if (s[i] is not (' ' or 'T') || i + 1 >= s.Length)
            {
                return false;
            }

            i++;
            if (!TryParseTime(s, ref i, out var timeTicks) || i != s.Length)
            {
                return false;
            }

            ticks += timeTicks;
        }

        wallTicks = ticks;
        return true;
    }

    /// <summary>Splits <c>a?b?c</c> where ? is one of '-', '/', '.' (the same twice); <paramref name="end"/> is after c.</summary>
    private static bool TrySplitDate(ReadOnlySpan<char> s, out int a, out int b, out int aDigits, out int end)
    {
        a = b = aDigits = end = 0;
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        aDigits = i;
        if (i is < 1 or > 4 || i >= s.Length || s[i] is not ('-' or '/' or '.') || !Digits(s, 0, i, out a))
        {
            return false;
        }

        var separator = s[i];
        var start = ++i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i - start is < 1 or > 2 || i >= s.Length || s[i] != separator || !Digits(s, start, i - start, out b))
        {
            return false;
        }

        start = ++i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var digits = i - start;
        if (aDigits == 4 ? digits is < 1 or > 2 : digits is not (2 or 4))
        {
            return false;
        }

        end = i;
        return true;
    }

    private static bool TryParseTime(ReadOnlySpan<char> s, ref int i, out long ticks)
    {
        ticks = 0;
        var hourDigits = i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]) ? 2 : 1;
        if (!Digits(s, i, hourDigits, out var hour) || i + hourDigits >= s.Length || s[i + hourDigits] != ':' ||
            !Digits(s, i + hourDigits + 1, 2, out var minute))
        {
            return false;
        }

        i += hourDigits + 3;
        var second = 0;
        long fraction = 0;
        if (i < s.Length && s[i] == ':')
        {
            if (!Digits(s, i + 1, 2, out second))
            {
                return false;
            }

            i += 3;
            if (i < s.Length && (s[i] == '.' || s[i] == ','))
            {
                i++;
                var digits = 0;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    if (digits < 7)
                    {
                        fraction = (fraction * 10) + (s[i] - '0');
                    }

                    digits++;
                    i++;
                }

                if (digits == 0)
                {
                    return false;
                }

                for (var d = digits; d < 7; d++)
                {
                    fraction *= 10;
                }
            }
        }

        if (hour > 24 || minute > 59 || second > 59 || (hour == 24 && (minute != 0 || second != 0 || fraction != 0)))
        {
            return false;
        }

        ticks = (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + fraction;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (count <= 0 || start < 0 || start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool All(IReadOnlyList<string> values, TimestampFormat format)
    {
        foreach (var value in values)
        {
            if (!format.TryParse(value, TimeZoneInfo.Utc, out _, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static string DescribePattern(ReadOnlySpan<char> sample, string first, string second, string third)
    {
        TrySplitDate(sample, out _, out _, out _, out var end);
        var separator = sample[first.Length == 4 ? 4 : sample.IndexOfAny("-/.")];
        var date = string.Concat(first, separator.ToString(), second, separator.ToString(), third);
        if (end >= sample.Length)
        {
            return date;
        }

        var time = sample[(end + 1)..];
        var colons = time.Count(':');
        var fraction = time.IndexOfAny(".,") >= 0 ? ".FFFFFFF" : string.Empty;
        return date + (colons >= 2 ? " HH:mm:ss" + fraction : " HH:mm");
    }
}
