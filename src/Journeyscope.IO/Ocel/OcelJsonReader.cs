using System.Buffers;
using System.Text.Json;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>
/// Streams an OCEL JSON file: a <see cref="Utf8JsonReader"/> walks the top-level object over a refilled buffer, and
/// each element of <c>objectTypes</c>, <c>eventTypes</c>, <c>objects</c> and <c>events</c> is parsed on its own, so
/// memory is bounded by the largest element. The OCEL 1.0 layout (<c>ocel:events</c>, <c>ocel:objects</c>) is read too.
/// </summary>
internal static class OcelJsonReader
{
    private enum Section
    {
        None,
        ObjectTypes,
        EventTypes,
        Objects,
        Events,
        LegacyObjects,
        LegacyEvents,
    }

    public static void Read(Stream stream, OcelCollector collector, CancellationToken cancellationToken)
    {
        var session = collector.Session;
        var maxBytes = Math.Max(session.Options.MaxRecordLength, 1024);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var context = new Context();
        try
        {
            var length = 0;
            var final = false;
            var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (!final && length < buffer.Length)
                {
                    var read = stream.Read(buffer, length, buffer.Length - length);
                    if (read == 0)
                    {
                        final = true;
                    }

                    length += read;
                }

                if (context.BaseOffset == 0 && !context.SkippedBom)
                {
                    // Utf8JsonReader does not accept a byte order mark; skip it once at the start.
                    context.SkippedBom = true;
                    if (buffer.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        Buffer.BlockCopy(buffer, 3, buffer, 0, length - 3);
                        length -= 3;
                        context.BaseOffset = 3;
                    }
                }

                int consumed;
                try
                {
                    consumed = Process(buffer.AsSpan(0, length), final, ref state, context, collector);
                }
                catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException)
                {
                    // Utf8JsonReader checks structure, not the UTF-8 inside strings: decoding a name or value finds it.
                    var where = context.BaseOffset + FirstInvalidUtf8(buffer.AsSpan(0, length));
                    throw session.Fatal(0, where, context.Key, $"the text is not valid UTF-8 at byte {where}", ex);
                }
                catch (JsonException ex)
                {
                    var where = context.BaseOffset + (ex.BytePositionInLine ?? 0);
                    throw session.Fatal(0, context.BaseOffset, context.Key, final
                        ? $"the JSON is invalid or truncated near byte {where}: {ex.Message}"
                        : $"the JSON is invalid near byte {where}: {ex.Message}", ex);
                }

                if (context.Done)
                {
                    break;
                }

                if (final)
                {
                    throw session.Fatal(0, context.BaseOffset + consumed, context.Key, "the JSON ends early (truncated file)");
                }

                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
                context.BaseOffset += consumed;
                session.Report(context.BaseOffset);
                if (length == buffer.Length)
                {
                    if (buffer.Length >= maxBytes)
                    {
                        throw session.Fatal(0, context.BaseOffset, context.Key, $"an element is longer than {maxBytes} bytes (MaxRecordLength)");
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes, buffer.Length * 2));
                    Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (!context.SawSection)
        {
            throw session.Fatal(0, -1, null, "not an OCEL JSON file: no 'objects'/'events' (OCEL 2.0) or 'ocel:objects'/'ocel:events' (OCEL 1.0)");
        }

        if (context.Legacy)
        {
            session.Warn("The file is OCEL 1.0 JSON: relations have no qualifiers and attribute types come from the values.");
        }
    }

    /// <summary>The index of the first byte that is not valid UTF-8 (or the length when all of it is valid).</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> data)
    {
        var at = 0;
        while (at < data.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(data[at..], out _, out var consumed) == OperationStatus.InvalidData)
            {
                return at;
            }

            at += consumed;
        }

        return at;
    }

    /// <summary>Consumes as many whole tokens and elements as the buffer holds; returns the bytes consumed.</summary>
    private static int Process(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, Context context, OcelCollector collector)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (true)
        {
            var stateBefore = reader.CurrentState;
            var before = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                state = reader.CurrentState;
                return (int)reader.BytesConsumed;
            }

            var token = reader.TokenType;
            var depth = reader.CurrentDepth;
            if (depth == 0)
            {
                if (token == JsonTokenType.StartObject)
                {
                    continue;
                }

                if (token == JsonTokenType.EndObject)
                {
                    context.Done = true;
                    return (int)reader.BytesConsumed;
                }

                throw collector.Session.Fatal(0, context.BaseOffset + before, null, "not an OCEL JSON file: the top level is not a JSON object");
            }

            if (depth == 1)
            {
                if (token == JsonTokenType.PropertyName)
                {
                    context.Key = reader.GetString();
                    continue;
                }

                if (token is JsonTokenType.EndArray or JsonTokenType.EndObject)
                {
                    context.Section = Section.None;
                    continue;
                }

                context.Section = SectionOf(context.Key, token);
                if (context.Section != Section.None)
                {
                    context.SawSection = true;
                    context.Legacy |= context.Section is Section.LegacyEvents or Section.LegacyObjects;
                    continue;
                }

                // A property we do not read (or a section of the wrong shape): skip its whole value.
                if (token is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    var probe = reader;
                    if (!probe.TrySkip())
                    {
                        state = stateBefore;
                        return before;
                    }

                    reader = probe;
                }

                continue;
            }

            if (token == JsonTokenType.PropertyName)
            {
                context.ElementKey = reader.GetString();
                continue;
            }

            // depth 2: one element of a section, read whole when the buffer holds all of it.
            var elementProbe = reader;
            if (!elementProbe.TrySkip())
            {
                state = stateBefore;
                return before;
            }

            var offset = context.BaseOffset + before;
            using (var document = JsonDocument.ParseValue(ref reader))
            {
                Handle(document.RootElement, context, collector, offset);
            }
        }
    }

    private static Section SectionOf(string? key, JsonTokenType token) => (key, token) switch
    {
        ("objectTypes", JsonTokenType.StartArray) => Section.ObjectTypes,
        ("eventTypes", JsonTokenType.StartArray) => Section.EventTypes,
        ("objects", JsonTokenType.StartArray) => Section.Objects,
        ("events", JsonTokenType.StartArray) => Section.Events,
        ("ocel:objects", JsonTokenType.StartObject) => Section.LegacyObjects,
        ("ocel:events", JsonTokenType.StartObject) => Section.LegacyEvents,
        _ => Section.None,
    };

    private static void Handle(JsonElement element, Context context, OcelCollector collector, long offset)
    {
        collector.Session.Report(offset);
        if (element.ValueKind != JsonValueKind.Object)
        {
            if (context.Section is Section.Events or Section.LegacyEvents)
            {
                collector.Session.RecordRead();
                collector.Reject(0, offset, null, "an event is not a JSON object", Raw(element));
            }

            return;
        }

        switch (context.Section)
        {
            case Section.ObjectTypes:
            case Section.EventTypes:
                ReadTypeDeclaration(element, context.Section == Section.EventTypes, collector);
                break;
            case Section.Objects:
                ReadObject(element, collector);
                break;
            case Section.Events:
                ReadEvent(element, collector, offset);
                break;
            case Section.LegacyObjects:
                ReadLegacyObject(context.ElementKey, element, collector);
                break;
            default:
                ReadLegacyEvent(context.ElementKey, element, collector, offset);
                break;
        }
    }

    private static void ReadTypeDeclaration(JsonElement element, bool isEvent, OcelCollector collector)
    {
        var name = Text(element, "name");
        if (name is null)
        {
            return;
        }

        if (isEvent)
        {
            collector.DeclareEventType(name);
        }
        else
        {
            collector.DeclareObjectType(name);
        }

        if (!element.TryGetProperty("attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var attribute in attributes.EnumerateArray())
        {
            if (attribute.ValueKind == JsonValueKind.Object && Text(attribute, "name") is { } attributeName)
            {
                if (isEvent)
                {
                    collector.DeclareEventAttribute(name, attributeName, Text(attribute, "type"));
                }
                else
                {
                    collector.DeclareObjectAttribute(name, attributeName, Text(attribute, "type"));
                }
            }
        }
    }

    private static void ReadObject(JsonElement element, OcelCollector collector)
    {
        var id = Text(element, "id");
        var type = Text(element, "type");
        var attributes = new List<OcelAttribute>();
        if (element.TryGetProperty("attributes", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var attribute in list.EnumerateArray())
            {
                if (attribute.ValueKind != JsonValueKind.Object || Text(attribute, "name") is not { } name ||
                    !attribute.TryGetProperty("value", out var raw) ||
                    Value(raw, collector.ObjectAttributeType(type, name), collector) is not { } value)
                {
                    continue;
                }

                DateTimeOffset? time = OcelValues.TryParseTime(Text(attribute, "time"), out var t) ? OcelValues.ObjectAttributeTime(t) : null;
                attributes.Add(new OcelAttribute(name, value, time));
            }
        }

        collector.AddObject(id, type, attributes);
        if (id is not null && element.TryGetProperty("relationships", out var relations) && relations.ValueKind == JsonValueKind.Array)
        {
            foreach (var relation in relations.EnumerateArray())
            {
                if (relation.ValueKind == JsonValueKind.Object)
                {
                    collector.AddObjectObject(id, Text(relation, "objectId"), Text(relation, "qualifier"));
                }
            }
        }
    }

    private static void ReadEvent(JsonElement element, OcelCollector collector, long offset)
    {
        var id = Text(element, "id");
        var type = Text(element, "type");
        var attributes = new List<OcelAttribute>();
        if (element.TryGetProperty("attributes", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var attribute in list.EnumerateArray())
            {
                if (attribute.ValueKind == JsonValueKind.Object && Text(attribute, "name") is { } name &&
                    attribute.TryGetProperty("value", out var raw) &&
                    Value(raw, collector.EventAttributeType(type, name), collector) is { } value)
                {
                    attributes.Add(new OcelAttribute(name, value));
                }
            }
        }

        if (!collector.AddEvent(id, type, Text(element, "time"), attributes, out var field, out var reason))
        {
            collector.Reject(0, offset, field, reason, Raw(element));
            return;
        }

        if (element.TryGetProperty("relationships", out var relations) && relations.ValueKind == JsonValueKind.Array)
        {
            foreach (var relation in relations.EnumerateArray())
            {
                if (relation.ValueKind == JsonValueKind.Object)
                {
                    collector.AddEventObject(id!, Text(relation, "objectId"), Text(relation, "qualifier"));
                }
            }
        }
    }

    private static void ReadLegacyObject(string? id, JsonElement element, OcelCollector collector)
    {
        var attributes = new List<OcelAttribute>();
        if (element.TryGetProperty("ocel:ovmap", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                if (Value(property.Value, null, collector) is { } value)
                {
                    attributes.Add(new OcelAttribute(property.Name, value));
                }
            }
        }

        collector.AddObject(id, Text(element, "ocel:type"), attributes);
    }

    private static void ReadLegacyEvent(string? id, JsonElement element, OcelCollector collector, long offset)
    {
        var attributes = new List<OcelAttribute>();
        if (element.TryGetProperty("ocel:vmap", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                if (Value(property.Value, null, collector) is { } value)
                {
                    attributes.Add(new OcelAttribute(property.Name, value));
                }
            }
        }

        if (!collector.AddEvent(id, Text(element, "ocel:activity"), Text(element, "ocel:timestamp"), attributes, out var field, out var reason))
        {
            collector.Reject(0, offset, field, reason, Raw(element));
            return;
        }

        if (element.TryGetProperty("ocel:omap", out var omap) && omap.ValueKind == JsonValueKind.Array)
        {
            foreach (var objectId in omap.EnumerateArray())
            {
                if (objectId.ValueKind == JsonValueKind.String)
                {
                    collector.AddEventObject(id!, objectId.GetString(), string.Empty);
                }
            }
        }
    }

    /// <summary>A JSON value as an attribute value of the declared type (or of its JSON type when undeclared); null for JSON null.</summary>
    private static AttributeValue? Value(JsonElement raw, AttributeType? declared, OcelCollector collector)
    {
        switch (raw.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.String:
                return collector.Convert(raw.GetString()!, declared);
            case JsonValueKind.True or JsonValueKind.False:
                return declared is null or AttributeType.Boolean
                    ? AttributeValue.FromBoolean(raw.GetBoolean())
                    : collector.Convert(raw.GetRawText(), declared);
            case JsonValueKind.Number:
                if (declared is AttributeType.Double)
                {
                    return AttributeValue.FromDouble(raw.GetDouble());
                }

                if (declared is null or AttributeType.Long && raw.TryGetInt64(out var integer))
                {
                    return AttributeValue.FromLong(integer);
                }

                return declared is null
                    ? AttributeValue.FromDouble(raw.GetDouble())
                    : collector.Convert(raw.GetRawText(), declared);
            default:
                collector.Session.Warn("Nested (object or array) attribute values were kept as JSON text.");
                return AttributeValue.FromString(raw.GetRawText());
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string Raw(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 1000 ? text[..1000] : text;
    }

    private sealed class Context
    {
        public long BaseOffset { get; set; }

        public string? Key { get; set; }

        public string? ElementKey { get; set; }

        public Section Section { get; set; }

        public bool SawSection { get; set; }

        public bool Legacy { get; set; }

        public bool Done { get; set; }

        public bool SkippedBom { get; set; }
    }
}
