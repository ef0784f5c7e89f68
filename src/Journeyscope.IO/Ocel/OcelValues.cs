using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>Conversions shared by the OCEL readers and writer: declared attribute types, times and values.</summary>
internal static class OcelValues
{
    /// <summary>Times before this instant mean "initial value, no time" (OCEL writers use the Unix epoch).</summary>
    private static readonly long NoTimeBefore = new DateTime(1970, 1, 2, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static AttributeType? ParseDeclaredType(string? type) => type?.Trim().ToUpperInvariant() switch
    {
        "STRING" or "TEXT" => AttributeType.String,
        "INTEGER" or "INT" => AttributeType.Long,
        "FLOAT" or "DOUBLE" or "REAL" => AttributeType.Double,
        "BOOLEAN" or "BOOL" => AttributeType.Boolean,
        "TIME" or "DATE" or "DATETIME" or "TIMESTAMP" => AttributeType.Timestamp,
        _ => null,
    };

    public static string TypeName(AttributeType type) => type switch
    {
        AttributeType.Long => "integer",
        AttributeType.Double => "float",
        AttributeType.Boolean => "boolean",
        AttributeType.Timestamp => "time",
        _ => "string",
    };

    /// <summary>Parses an ISO 8601 time; a time without offset is taken as UTC.</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            time = default;
            return false;
        }

        return DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out time);
    }

    /// <summary>An object attribute's time, or null when it marks an initial value (before 1970-01-02 UTC).</summary>
    public static DateTimeOffset? ObjectAttributeTime(DateTimeOffset time) => time.UtcTicks < NoTimeBefore ? null : time;

    public static string FormatTime(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>Converts text to the declared type; falls back to a string (and says so) when it does not parse.</summary>
    public static AttributeValue FromText(string text, AttributeType? declared, out bool fellBack)
    {
        fellBack = false;
        switch (declared)
        {
            case AttributeType.Long when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l):
                return AttributeValue.FromLong(l);
            case AttributeType.Double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                return AttributeValue.FromDouble(d);
            case AttributeType.Boolean when bool.TryParse(text, out var b):
                return AttributeValue.FromBoolean(b);
            case AttributeType.Boolean when text is "0" or "1":
                return AttributeValue.FromBoolean(text == "1");
            case AttributeType.Timestamp when TryParseTime(text, out var t):
                return AttributeValue.FromTimestamp(t);
            case null or AttributeType.String:
                return AttributeValue.FromString(text);
            default:
                fellBack = true;
                return AttributeValue.FromString(text);
        }
    }

    public static short OffsetOf(DateTimeOffset time) => checked((short)time.Offset.TotalMinutes);
}
