using System.Text.Json;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>Writes object-centric data as OCEL 2.0 JSON, with the type declarations derived from the data.</summary>
/// <remarks>
/// Each attribute is declared with the type of its values; an attribute whose values mix types within one event or
/// object type is declared <c>string</c> and written as text. Object attribute values without a time are written at
/// the Unix epoch, which the importer reads back as "no time". Times keep their UTC offsets.
/// </remarks>
public static class OcelJsonExporter
{
    private const string NoTime = "1970-01-01T00:00:00Z";

    /// <summary>Writes <paramref name="data"/> to the file at <paramref name="path"/> (created or replaced).</summary>
    public static void Export(ObjectCentricData data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Export(data, stream);
    }

    /// <summary>Writes <paramref name="data"/> to <paramref name="stream"/>, leaving it open.</summary>
    public static void Export(ObjectCentricData data, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(stream);
        var objectTypes = Declarations(data.Objects, static o => o.Type, static o => o.Attributes);
        var eventTypes = Declarations(data.Events, static e => e.Type, static e => e.Attributes);
        var objectRelations = new Dictionary<string, List<OcelObjectObject>>(StringComparer.Ordinal);
        foreach (var relation in data.ObjectObjects)
        {
            if (!objectRelations.TryGetValue(relation.SourceId, out var list))
            {
                list = [];
                objectRelations.Add(relation.SourceId, list);
            }

            list.Add(relation);
        }

        var eventRelations = new Dictionary<string, List<OcelEventObject>>(StringComparer.Ordinal);
        foreach (var relation in data.EventObjects)
        {
            if (!eventRelations.TryGetValue(relation.EventId, out var list))
            {
                list = [];
                eventRelations.Add(relation.EventId, list);
            }

            list.Add(relation);
        }

        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        writer.WriteStartObject();
        WriteDeclarations(writer, "objectTypes", objectTypes);
        WriteDeclarations(writer, "eventTypes", eventTypes);
        writer.WriteStartArray("objects");
        foreach (var item in data.Objects)
        {
            writer.WriteStartObject();
            writer.WriteString("id", item.Id);
            writer.WriteString("type", item.Type);
            writer.WriteStartArray("attributes");
            foreach (var attribute in item.Attributes)
            {
                writer.WriteStartObject();
                writer.WriteString("name", attribute.Name);
                writer.WriteString("time", attribute.Time is { } time ? OcelValues.FormatTime(time) : NoTime);
                WriteValue(writer, attribute.Value, objectTypes[item.Type][attribute.Name]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteRelations(writer, objectRelations.GetValueOrDefault(item.Id), static r => (r.TargetId, r.Qualifier));
            writer.WriteEndObject();
            FlushIfFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("events");
        foreach (var item in data.Events)
        {
            writer.WriteStartObject();
            writer.WriteString("id", item.Id);
            writer.WriteString("type", item.Type);
            writer.WriteString("time", OcelValues.FormatTime(item.Time));
            writer.WriteStartArray("attributes");
            foreach (var attribute in item.Attributes)
            {
                writer.WriteStartObject();
                writer.WriteString("name", attribute.Name);
                WriteValue(writer, attribute.Value, eventTypes[item.Type][attribute.Name]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteRelations(writer, eventRelations.GetValueOrDefault(item.Id), static r => (r.ObjectId, r.Qualifier));
            writer.WriteEndObject();
            FlushIfFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Utf8JsonWriter buffers until flushed: flush every 64 KiB so memory stays flat on big exports.</summary>
    private static void FlushIfFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= 64 * 1024)
        {
            writer.Flush();
        }
    }

    private static Dictionary<string, Dictionary<string, AttributeType>> Declarations<T>(
        IReadOnlyList<T> items, Func<T, string> typeOf, Func<T, IReadOnlyList<OcelAttribute>> attributesOf)
    {
        var declarations = new Dictionary<string, Dictionary<string, AttributeType>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!declarations.TryGetValue(typeOf(item), out var map))
            {
                map = new Dictionary<string, AttributeType>(StringComparer.Ordinal);
                declarations.Add(typeOf(item), map);
            }

            foreach (var attribute in attributesOf(item))
            {
                if (!map.TryGetValue(attribute.Name, out var type))
                {
                    map.Add(attribute.Name, attribute.Value.Type);
                }
                else if (type != attribute.Value.Type)
                {
                    map[attribute.Name] = AttributeType.String;
                }
            }
        }

        return declarations;
    }

    private static void WriteDeclarations(Utf8JsonWriter writer, string name, Dictionary<string, Dictionary<string, AttributeType>> declarations)
    {
        writer.WriteStartArray(name);
        foreach (var (type, attributes) in declarations)
        {
            writer.WriteStartObject();
            writer.WriteString("name", type);
            writer.WriteStartArray("attributes");
            foreach (var (attribute, attributeType) in attributes)
            {
                writer.WriteStartObject();
                writer.WriteString("name", attribute);
                writer.WriteString("type", OcelValues.TypeName(attributeType));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, AttributeValue value, AttributeType declared)
    {
        if (declared != value.Type)
        {
            writer.WriteString("value", value.ToString());
            return;
        }

        switch (value.Type)
        {
            case AttributeType.Long:
                writer.WriteNumber("value", value.AsLong());
                break;
            case AttributeType.Double when double.IsFinite(value.AsDouble()):
                writer.WriteNumber("value", value.AsDouble());
                break;
            case AttributeType.Boolean:
                writer.WriteBoolean("value", value.AsBoolean());
                break;
            default:
                // Strings, timestamps (ISO 8601 with offset) and non-finite doubles ("NaN", "Infinity") as text.
                writer.WriteString("value", value.ToString());
                break;
        }
    }

    private static void WriteRelations<T>(Utf8JsonWriter writer, List<T>? relations, Func<T, (string Target, string Qualifier)> parts)
    {
        writer.WriteStartArray("relationships");
        if (relations is not null)
        {
            foreach (var relation in relations)
            {
                var (target, qualifier) = parts(relation);
                writer.WriteStartObject();
                writer.WriteString("objectId", target);
                writer.WriteString("qualifier", qualifier);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }
}
