using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Journeyscope.EventLogs;

namespace Journeyscope.Server.Collector;

/// <summary>The pieces of mapping shared by the Segment and PostHog wire formats (docs/collector.md).</summary>
internal static class CollectedJson
{
    /// <summary>Properties or traits kept per message; more are ignored, so that a sender cannot add columns without bound.</summary>
    public const int MaxAttributesPerMessage = 128;

    /// <summary>The text of an id given as a string or a number; null when missing, null or of another kind.</summary>
    public static string? Id(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? IdText(value) : null;

    /// <summary>The text of an id value given as a string or a number.</summary>
    public static string? IdText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    /// <summary>A string member, or null.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>An object member, or default.</summary>
    public static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;

    /// <summary>The message id to dedup on: the given one, or a SHA-256 of the message's JSON text.</summary>
    public static string MessageId(string? given, JsonElement message) =>
        given is { Length: > 0 } ? given : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(message.GetRawText())));

    /// <summary>Parses an ISO 8601 time, keeping its offset (UTC when it has none).</summary>
    public static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);

    /// <summary>The typed attributes of a JSON object's members, except those named in <paramref name="skip"/>.</summary>
    public static void AddAttributes(JsonElement source, List<KeyValuePair<string, AttributeValue>> target, string prefix = "", params string[] skip)
    {
        if (source.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var member in source.EnumerateObject())
        {
            if (target.Count >= MaxAttributesPerMessage)
            {
                return;
            }

            if (member.Name.Length == 0 || Array.IndexOf(skip, member.Name) >= 0 || Value(member.Value) is not { } value)
            {
                continue;
            }

            target.Add(new(prefix + member.Name, value));
        }
    }

    /// <summary>A JSON value as a typed attribute: strings, integers (long), other numbers (double), booleans; objects and arrays as their JSON text.</summary>
    public static AttributeValue? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => AttributeValue.FromString(value.GetString()!),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? AttributeValue.FromLong(whole)
            : value.TryGetDouble(out var real) && double.IsFinite(real) ? AttributeValue.FromDouble(real) : AttributeValue.FromString(value.GetRawText()),
        JsonValueKind.True => AttributeValue.FromBoolean(true),
        JsonValueKind.False => AttributeValue.FromBoolean(false),
        JsonValueKind.Object or JsonValueKind.Array => AttributeValue.FromString(value.GetRawText()),
        _ => null,
    };

    /// <summary>The objects a message names: an array of <c>{"type", "id", "qualifier"?}</c>.</summary>
    public static List<Storage.Collector.CollectedObject> Objects(JsonElement array)
    {
        var objects = new List<Storage.Collector.CollectedObject>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            return objects;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (Text(item, "type") is { Length: > 0 } type && Id(item, "id") is { Length: > 0 } id && objects.Count < MaxAttributesPerMessage)
            {
                objects.Add(new(type, id, Text(item, "qualifier") ?? string.Empty));
            }
        }

        return objects;
    }
}
