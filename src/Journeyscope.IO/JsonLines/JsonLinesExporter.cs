using System.Text.Encodings.Web;
using System.Text.Json;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>Writes an event log as JSON lines: one object per event, keys named by the shared field conventions.</summary>
/// <remarks>
/// Keys: <c>case_id, activity, timestamp</c> (ISO 8601 with offset), then <c>start_timestamp, lifecycle, resource,
/// channel</c> when set, event attributes by name and case attributes as <c>case:&lt;name&gt;</c>. Missing values are
/// left out. Longs and booleans are JSON numbers and booleans; doubles always carry a decimal point or exponent (NaN
/// and infinities, which JSON cannot hold, are written as strings); timestamp attributes are ISO 8601 strings.
/// </remarks>
public static class JsonLinesExporter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="log"/> to the file at <paramref name="path"/>.</summary>
    public static void Export(EventLog log, string path)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Export(log, stream);
    }

    /// <summary>Writes <paramref name="log"/> to <paramref name="stream"/> (left open).</summary>
    public static void Export(EventLog log, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(stream);
        // Not disposed: disposing a BufferedStream would close the caller's stream.
        var buffered = new BufferedStream(stream, 1 << 16);
        using var writer = new Utf8JsonWriter(buffered, WriterOptions);
        var caseOfEvent = FlatExportColumns.CaseOfEvent(log);
        var activities = log.Activities;
        for (var ev = 0; ev < log.EventCount; ev++)
        {
            writer.Reset(buffered);
            writer.WriteStartObject();
            writer.WriteString("case_id", log.CaseIds[caseOfEvent[ev]]);
            writer.WriteString("activity", log.ActivityNames[activities[ev]]);
            writer.WriteString("timestamp", FlatExportColumns.FormatTimestamp(log.GetTimestamp(ev)));
            if (log.StartTimestamps is { } start && start.IsValid(ev))
            {
                writer.WriteString("start_timestamp", FlatExportColumns.FormatTimestamp(start.UtcTicks[ev], start.OffsetMinutes[ev]));
            }

            WriteString(writer, "lifecycle", log.Lifecycle, ev);
            WriteString(writer, "resource", log.Resource, ev);
            WriteString(writer, "channel", log.Channel, ev);
            foreach (var column in log.EventAttributes)
            {
                if (column.GetValue(ev) is { } value)
                {
                    WriteValue(writer, column.Name, value);
                }
            }

            foreach (var column in log.CaseAttributes)
            {
                if (column.GetValue(caseOfEvent[ev]) is { } value)
                {
                    WriteValue(writer, "case:" + column.Name, value);
                }
            }

            writer.WriteEndObject();
            writer.Flush();
            buffered.WriteByte((byte)'\n');
        }

        buffered.Flush();
    }

    private static void WriteString(Utf8JsonWriter writer, string key, StringColumn? column, int ev)
    {
        if (column?.GetString(ev) is { } text)
        {
            writer.WriteString(key, text);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, string key, AttributeValue value)
    {
        switch (value.Type)
        {
            case AttributeType.Long:
                writer.WriteNumber(key, value.AsLong());
                break;
            case AttributeType.Double:
                var d = value.AsDouble();
                if (double.IsFinite(d))
                {
                    writer.WritePropertyName(key);
                    writer.WriteRawValue(AttributeText.Format(value), skipInputValidation: true);
                }
                else
                {
                    writer.WriteString(key, AttributeText.Format(value));
                }

                break;
            case AttributeType.Boolean:
                writer.WriteBoolean(key, value.AsBoolean());
                break;
            default:
                writer.WriteString(key, value.ToString());
                break;
        }
    }
}
