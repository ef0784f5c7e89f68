using System.Text.Json;
using Journeyscope.EventLogs;
using Journeyscope.Identity;
using Journeyscope.IO;
using Journeyscope.Storage.Collector;

namespace Journeyscope.Server.Collector;

/// <summary>Maps PostHog events (capture, batch, posthog-js's <c>/e/</c>) to collected messages (docs/collector.md).</summary>
internal static class PostHogMessages
{
    public const string Source = "collector:posthog";

    private static readonly string[] NotProperties = ["token", "distinct_id", "$set", "$set_once", "$objects", "$anon_distinct_id"];

    /// <summary>The events of a body: <c>{"batch": [...]}</c>, an array, or one event; default when the shape is wrong.</summary>
    public static bool TryGetEvents(JsonElement body, out List<JsonElement> events)
    {
        events = [];
        if (body.ValueKind == JsonValueKind.Array)
        {
            events.AddRange(body.EnumerateArray());
            return true;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (body.TryGetProperty("batch", out var batch))
        {
            if (batch.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            events.AddRange(batch.EnumerateArray());
            return true;
        }

        // posthog-js may wrap one event as {"data": {...}}; otherwise the body is the event.
        events.Add(body.TryGetProperty("data", out var data) && data.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? data : body);
        if (events[0].ValueKind == JsonValueKind.Array)
        {
            var array = events[0];
            events.Clear();
            events.AddRange(array.EnumerateArray());
        }

        return true;
    }

    /// <summary>The project key: the body's <c>api_key</c> or <c>token</c>, else the first event's.</summary>
    public static string? Key(JsonElement body, List<JsonElement> events)
    {
        if ((CollectedJson.Text(body, "api_key") ?? CollectedJson.Text(body, "token")) is { Length: > 0 } key)
        {
            return key;
        }

        foreach (var e in events)
        {
            if ((CollectedJson.Text(e, "api_key") ?? CollectedJson.Text(e, "token") ?? CollectedJson.Text(CollectedJson.Object(e, "properties"), "token")) is { Length: > 0 } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// A quarantine record when event <paramref name="e"/> names a key other than the batch's <paramref name="key"/>: its
    /// events go to the workspace of the batch's key only, so an event for another workspace is set aside, not stored
    /// under the wrong one. Null when the event names no key or the same one.
    /// </summary>
    public static QuarantinedRecord? ForeignKey(JsonElement e, int position, string? key)
    {
        var own = e.ValueKind == JsonValueKind.Object
            ? CollectedJson.Text(e, "api_key") ?? CollectedJson.Text(e, "token") ?? CollectedJson.Text(CollectedJson.Object(e, "properties"), "token")
            : null;
        return own is { Length: > 0 } && !string.Equals(own, key, StringComparison.Ordinal)
            ? Reject(position, "api_key", "the event names another key than its batch (one batch goes to one workspace)", e)
            : null;
    }

    /// <summary>Maps one event; null with a quarantine record when it cannot be used.</summary>
    public static CollectedMessage? Map(JsonElement e, int position, DateTimeOffset received, out QuarantinedRecord? rejected)
    {
        rejected = null;
        if (e.ValueKind != JsonValueKind.Object)
        {
            rejected = Reject(position, null, "an event must be a JSON object", e);
            return null;
        }

        var properties = CollectedJson.Object(e, "properties");
        if (CollectedJson.Text(e, "event") is not { Length: > 0 } name)
        {
            rejected = Reject(position, "event", "the event has no name ('event')", e);
            return null;
        }

        var distinctId = CollectedJson.Id(e, "distinct_id") ?? CollectedJson.Id(properties, "distinct_id") ?? CollectedJson.Id(properties, "$distinct_id");
        if (JunkIds.IsJunk(distinctId))
        {
            rejected = Reject(position, "distinct_id", "no usable customer id: distinct_id is missing or a placeholder such as 'null'", e);
            return null;
        }

        var time = received;
        if (CollectedJson.Text(e, "timestamp") is { } text)
        {
            if (!CollectedJson.TryParseTime(text, out time))
            {
                rejected = Reject(position, "timestamp", $"'{text}' is not an ISO 8601 time", e);
                return null;
            }
        }
        else if (e.TryGetProperty("offset", out var offset) && offset.TryGetInt64(out var milliseconds) && milliseconds is >= 0 and < 1L << 40)
        {
            time = received.AddMilliseconds(-milliseconds);
        }

        var attributes = new List<KeyValuePair<string, AttributeValue>>();
        CollectedJson.AddAttributes(properties, attributes, string.Empty, NotProperties);
        var traits = new List<KeyValuePair<string, AttributeValue>>();
        CollectedJson.AddAttributes(CollectedJson.Object(properties, "$set"), traits);
        CollectedJson.AddAttributes(CollectedJson.Object(e, "$set"), traits);
        CollectedJson.AddAttributes(CollectedJson.Object(properties, "$set_once"), traits);
        CollectedJson.AddAttributes(CollectedJson.Object(e, "$set_once"), traits);

        string[] known = [];
        var links = new List<IdentityLink>();
        if (name == "$identify")
        {
            known = [distinctId!];
            if (CollectedJson.Id(properties, "$anon_distinct_id") is { Length: > 0 } anonymous && !string.Equals(anonymous, distinctId, StringComparison.Ordinal))
            {
                links.Add(new IdentityLink(anonymous, distinctId!, time.UtcTicks));
            }
        }
        else if (name == "$create_alias")
        {
            known = [distinctId!];
            if (CollectedJson.Id(properties, "alias") is { Length: > 0 } alias && !string.Equals(alias, distinctId, StringComparison.Ordinal))
            {
                links.Add(new IdentityLink(alias, distinctId!, time.UtcTicks));
            }
        }

        return new CollectedMessage
        {
            MessageId = CollectedJson.MessageId(CollectedJson.Id(e, "uuid") ?? CollectedJson.Id(properties, "$insert_id"), e),
            CaseId = distinctId!,
            Activity = name,
            Timestamp = time,
            Channel = ChannelRules.Resolve(CollectedJson.Text(properties, "$channel"), CollectedJson.Text(properties, "$os"), CollectedJson.Text(properties, "$lib")),
            Properties = attributes,
            Traits = traits,
            KnownIds = known,
            Links = links,
            Objects = CollectedJson.Objects(properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("$objects", out var o) ? o : default),
        };
    }

    private static QuarantinedRecord Reject(int position, string? field, string reason, JsonElement e)
    {
        var text = e.GetRawText();
        return new QuarantinedRecord(Source, position, 0, field, reason, text.Length > 1000 ? text[..1000] : text);
    }
}
