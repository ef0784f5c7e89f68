using System.Text.Json;
using Journeyscope.EventLogs;
using Journeyscope.Identity;
using Journeyscope.IO;
using Journeyscope.Storage.Collector;

namespace Journeyscope.Server.Collector;

/// <summary>Maps Segment calls (track, identify, page, screen, group, alias) to collected messages (docs/collector.md).</summary>
internal static class SegmentMessages
{
    /// <summary>
    /// A quarantine record when <paramref name="message"/> names a write key other than the request's
    /// <paramref name="key"/> (its messages go to that key's workspace only); null when it names none or the same.
    /// </summary>
    public static QuarantinedRecord? ForeignKey(JsonElement message, int position, string? key) =>
        message.ValueKind == JsonValueKind.Object && CollectedJson.Text(message, "writeKey") is { Length: > 0 } own && !string.Equals(own, key, StringComparison.Ordinal)
            ? Reject(position, "writeKey", "the message names another key than its batch (one batch goes to one workspace)", message)
            : null;

    /// <summary>Segment's limit for one message, bytes of JSON.</summary>
    public const int MaxMessageBytes = 32 * 1024;

    /// <summary>Segment's limit for one batch, bytes of JSON.</summary>
    public const int MaxBatchBytes = 500 * 1024;

    public const string Source = "collector:segment";

    private static readonly string[] Types = ["track", "identify", "page", "screen", "group", "alias"];

    /// <summary>The type a single-call path implies (<c>/v1/track</c> or <c>/v1/t</c> is <c>track</c> ...), or null for a batch.</summary>
    public static string? TypeOfPath(string call) => call switch
    {
        "track" or "t" => "track",
        "identify" or "i" => "identify",
        "page" or "p" => "page",
        "screen" or "s" => "screen",
        "group" or "g" => "group",
        "alias" or "a" => "alias",
        _ => null,
    };

    /// <summary>Maps one message; null with a quarantine record when it cannot be used.</summary>
    public static CollectedMessage? Map(JsonElement message, string? impliedType, int position, DateTimeOffset received, out QuarantinedRecord? rejected)
    {
        rejected = null;
        if (message.ValueKind != JsonValueKind.Object)
        {
            rejected = Reject(position, null, "a message must be a JSON object", message);
            return null;
        }

        if (message.GetRawText().Length > MaxMessageBytes)
        {
            rejected = Reject(position, null, $"the message is larger than Segment's limit of {MaxMessageBytes:N0} bytes", message);
            return null;
        }

        var type = CollectedJson.Text(message, "type") ?? impliedType;
        if (type is null || Array.IndexOf(Types, type) < 0)
        {
            rejected = Reject(position, "type", $"unknown message type '{type}' (expected track, identify, page, screen, group or alias)", message);
            return null;
        }

        var userId = CollectedJson.Id(message, "userId");
        var anonymousId = CollectedJson.Id(message, "anonymousId");
        var caseId = !JunkIds.IsJunk(userId) ? userId : !JunkIds.IsJunk(anonymousId) ? anonymousId : null;
        if (caseId is null)
        {
            rejected = Reject(position, "userId", "no usable customer id: userId and anonymousId are missing or placeholders such as 'null'", message);
            return null;
        }

        var time = received;
        if ((CollectedJson.Text(message, "timestamp") ?? CollectedJson.Text(message, "originalTimestamp")) is { } text
            && !CollectedJson.TryParseTime(text, out time))
        {
            rejected = Reject(position, "timestamp", $"'{text}' is not an ISO 8601 time", message);
            return null;
        }

        var context = CollectedJson.Object(message, "context");
        var properties = new List<KeyValuePair<string, AttributeValue>>();
        var traits = new List<KeyValuePair<string, AttributeValue>>();
        if (anonymousId is { Length: > 0 })
        {
            properties.Add(new("anonymous_id", AttributeValue.FromString(anonymousId)));
        }

        if (userId is { Length: > 0 })
        {
            properties.Add(new("user_id", AttributeValue.FromString(userId)));
        }

        CollectedJson.AddAttributes(CollectedJson.Object(message, "properties"), properties);
        CollectedJson.AddAttributes(CollectedJson.Object(context, "traits"), traits);
        var known = JunkIds.IsJunk(userId) ? [] : new[] { userId! };
        var links = new List<IdentityLink>();
        string activity;
        switch (type)
        {
            case "track":
                activity = CollectedJson.Text(message, "event") is { Length: > 0 } e ? e : "Track";
                break;
            case "page":
                activity = CollectedJson.Text(message, "name") is { Length: > 0 } page ? page : "Page viewed";
                break;
            case "screen":
                activity = CollectedJson.Text(message, "name") is { Length: > 0 } screen ? screen : "Screen viewed";
                break;
            case "identify":
                activity = "Identify";
                CollectedJson.AddAttributes(CollectedJson.Object(message, "traits"), traits);
                break;
            case "group":
                activity = "Group";
                if (CollectedJson.Id(message, "groupId") is { } groupId)
                {
                    properties.Add(new("group_id", AttributeValue.FromString(groupId)));
                }

                CollectedJson.AddAttributes(CollectedJson.Object(message, "traits"), properties, "group.");
                break;
            default:
                activity = "Alias";
                if (CollectedJson.Id(message, "previousId") is { Length: > 0 } previous && !JunkIds.IsJunk(userId))
                {
                    links.Add(new IdentityLink(previous, userId!, time.UtcTicks));
                }

                break;
        }

        // An identify links explicitly (junk ids are refused and logged); other calls carrying both ids link implicitly,
        // leaving placeholders out so that they do not flood the log with refusals.
        if (!JunkIds.IsJunk(userId) && anonymousId is { Length: > 0 } && !string.Equals(anonymousId, userId, StringComparison.Ordinal)
            && (type == "identify" || !JunkIds.IsJunk(anonymousId)))
        {
            links.Add(new IdentityLink(anonymousId, userId!, time.UtcTicks));
        }

        return new CollectedMessage
        {
            MessageId = CollectedJson.MessageId(CollectedJson.Id(message, "messageId"), message),
            CaseId = caseId,
            Activity = activity,
            Timestamp = time,
            Channel = ChannelRules.Resolve(
                CollectedJson.Text(context, "channel"), CollectedJson.Text(CollectedJson.Object(context, "os"), "name"),
                CollectedJson.Text(CollectedJson.Object(context, "library"), "name")),
            Properties = properties,
            Traits = traits,
            KnownIds = known,
            Links = links,
            Objects = CollectedJson.Objects(context.ValueKind == JsonValueKind.Object && context.TryGetProperty("objects", out var o) ? o : default),
        };
    }

    private static QuarantinedRecord Reject(int position, string? field, string reason, JsonElement message)
    {
        var text = message.ValueKind == JsonValueKind.Undefined ? null : message.GetRawText();
        return new QuarantinedRecord(Source, position, 0, field, reason, text is { Length: > 1000 } ? text[..1000] : text);
    }
}
