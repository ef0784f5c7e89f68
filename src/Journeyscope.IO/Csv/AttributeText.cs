using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>Reads typed attribute values from text so that the exporters' invariant text forms come back exactly.</summary>
internal static class AttributeText
{
    public const byte Long = 1;
    public const byte Double = 2;
    public const byte Boolean = 4;
    public const byte Timestamp = 8;
    public const byte All = Long | Double | Boolean | Timestamp;

    /// <summary>A number beyond the range of a double (<c>1e999</c>): numeric in shape, but its row is rejected, never read as Infinity.</summary>
    public const byte OutOfRange = 16;

    /// <summary>Which types <paramref name="text"/> can be read as without losing anything that matters.</summary>
    public static byte Classify(ReadOnlySpan<char> text, TimeZoneInfo zone)
    {
        byte flags = 0;
        if (IsCanonicalInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            flags |= Long | Double;
        }
        else if (!HasLeadingZero(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            // .NET reads 1e999 as Infinity; only the names (Infinity, NaN) the exporters write mean a non-finite value.
            flags |= double.IsInfinity(real) && text.IndexOfAnyInRange('0', '9') >= 0 ? (byte)(Double | OutOfRange) : Double;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            flags |= Boolean;
        }

        if (text.Length >= 10 && TimestampFormat.Iso.TryParse(text, zone, out _, out _))
        {
            flags |= Timestamp;
        }

        return flags;
    }

    /// <summary>The most specific type all values share.</summary>
    public static AttributeType TypeOf(byte flags) =>
        (flags & Long) != 0 ? AttributeType.Long
        : (flags & Double) != 0 ? AttributeType.Double
        : (flags & Boolean) != 0 ? AttributeType.Boolean
        : (flags & Timestamp) != 0 ? AttributeType.Timestamp
        : AttributeType.String;

    public static byte FlagOf(AttributeType type) => type switch
    {
        AttributeType.Long => Long,
        AttributeType.Double => Double,
        AttributeType.Boolean => Boolean,
        AttributeType.Timestamp => Timestamp,
        _ => 0,
    };

    /// <summary>Parses text already classified as fitting <paramref name="type"/>.</summary>
    public static AttributeValue Parse(string text, AttributeType type, TimeZoneInfo zone)
    {
        switch (type)
        {
            case AttributeType.Long:
                return AttributeValue.FromLong(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            case AttributeType.Double:
                return AttributeValue.FromDouble(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            case AttributeType.Boolean:
                return AttributeValue.FromBoolean(text.Equals("true", StringComparison.OrdinalIgnoreCase));
            case AttributeType.Timestamp:
                TimestampFormat.Iso.TryParse(text, zone, out var ticks, out var offset);
                return AttributeValue.FromTimestamp(ticks, offset);
            default:
                return AttributeValue.FromString(text);
        }
    }

    /// <summary>Invariant text of a value: doubles always carry a '.', an exponent or a name, so they never read back as longs.</summary>
    public static string Format(AttributeValue value)
    {
        if (value.Type != AttributeType.Double)
        {
            return value.ToString();
        }

        var text = value.AsDouble().ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny(".EN") >= 0 || text.Contains("Infinity", StringComparison.Ordinal) ? text : text + ".0";
    }

    private static bool IsCanonicalInteger(ReadOnlySpan<char> text)
    {
        var digits = text.Length > 0 && text[0] == '-' ? text[1..] : text;
        if (digits.IsEmpty || digits.Length > 19 || (digits.Length > 1 && digits[0] == '0') || (text[0] == '-' && digits is "0"))
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasLeadingZero(ReadOnlySpan<char> text)
    {
        var digits = text.Length > 0 && text[0] is '-' or '+' ? text[1..] : text;
        return digits.Length > 1 && digits[0] == '0' && char.IsAsciiDigit(digits[1]);
    }
}
