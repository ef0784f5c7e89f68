using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>Writes an <see cref="EventLog"/> as standard XES (IEEE 1849-2016), plain or gzip-compressed.</summary>
/// <remarks>
/// <para>
/// One <c>&lt;trace&gt;</c> per case (<c>concept:name</c> = case id, case attributes as typed trace attributes), one
/// <c>&lt;event&gt;</c> per event: <c>concept:name</c>, <c>time:timestamp</c> with the offset it was recorded with
/// (milliseconds, or 7 fraction digits when the time is finer), <c>lifecycle:transition</c>, <c>org:resource</c>, a
/// <c>channel</c> string attribute, a <c>start_timestamp</c> date, <c>identity:id</c> for a string
/// <c>event_id</c> attribute, and every other attribute with its XES type (string, int, float, boolean, date).
/// </para>
/// <para>
/// <see cref="XesImporter"/> reads all of this back into the same columns, so export then import is lossless.
/// No <c>&lt;global&gt;</c> defaults are written. Strings must hold only characters XML allows (no control
/// characters other than tab, line feed and carriage return); otherwise an <see cref="ArgumentException"/> is thrown.
/// An event attribute named like a standard key (<c>concept:name</c>, <c>time:timestamp</c>,
/// <c>lifecycle:transition</c>, <c>org:resource</c>, <c>channel</c>, <c>identity:id</c>) or a case attribute named
/// <c>concept:name</c> would not survive the round trip, so it is refused with an <see cref="ArgumentException"/>
/// before anything is written.
/// </para>
/// </remarks>
public static class XesExporter
{
    private const string Ns = "http://www.xes-standard.org/";

    /// <summary>Writes <paramref name="log"/> to <paramref name="path"/>; a path ending in <c>.gz</c> is gzip-compressed.</summary>
    public static void Export(EventLog log, string path)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var gzip = new GZipStream(file, CompressionLevel.Optimal);
            Export(log, gzip);
        }
        else
        {
            Export(log, file);
        }
    }

    /// <summary>Writes <paramref name="log"/> as plain XES to <paramref name="stream"/>, which is left open.</summary>
    public static void Export(EventLog log, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(stream);
        if (log.TimeBasis != TimeBasis.Utc)
        {
            log = log.ToTimeBasis(TimeBasis.Utc);
        }

        foreach (var column in log.EventAttributes)
        {
            if (column.Name is "concept:name" or "time:timestamp" or "lifecycle:transition" or "org:resource" or "channel" or "identity:id")
            {
                throw new ArgumentException(
                    $"The event attribute '{column.Name}' has the name of a standard XES key and would be read back as that key; rename it before exporting.",
                    nameof(log));
            }
        }

        if (log.FindCaseAttribute("concept:name") is not null)
        {
            throw new ArgumentException("The case attribute 'concept:name' would be read back as the case id; rename it before exporting.", nameof(log));
        }

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "\t",
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        };
        using var writer = XmlWriter.Create(stream, settings);
        new Writer(log, writer).Write();
    }

    private sealed class Writer(EventLog log, XmlWriter writer)
    {
        private readonly char[] _buffer = new char[64];
        private AttributeColumn? _eventIds;

        public void Write()
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("log", Ns);
            writer.WriteAttributeString("xes.version", "1849-2016");
            writer.WriteAttributeString("xes.features", string.Empty);
            _eventIds = log.FindEventAttribute("event_id") is { Type: AttributeType.String } ids ? ids : null;
            Extension("Concept", "concept");
            Extension("Time", "time");
            if (log.Lifecycle is not null)
            {
                Extension("Lifecycle", "lifecycle");
            }

            if (log.Resource is not null)
            {
                Extension("Organizational", "org");
            }

            if (_eventIds is not null)
            {
                Extension("Identity", "identity");
            }

            writer.WriteStartElement("classifier", Ns);
            writer.WriteAttributeString("name", "Activity");
            writer.WriteAttributeString("keys", "concept:name");
            writer.WriteEndElement();
            for (var c = 0; c < log.CaseCount; c++)
            {
                WriteTrace(c);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        private void Extension(string name, string prefix)
        {
            writer.WriteStartElement("extension", Ns);
            writer.WriteAttributeString("name", name);
            writer.WriteAttributeString("prefix", prefix);
            writer.WriteAttributeString("uri", $"http://www.xes-standard.org/{prefix}.xesext");
            writer.WriteEndElement();
        }

        private void WriteTrace(int c)
        {
            writer.WriteStartElement("trace", Ns);
            WriteString("concept:name", log.CaseIds[c]);
            foreach (var column in log.CaseAttributes)
            {
                if (column.GetValue(c) is { } value)
                {
                    WriteValue(column.Name, value);
                }
            }

            var end = log.CaseStarts[c + 1];
            var activities = log.Activities;
            var timestamps = log.Timestamps;
            var offsets = log.OffsetMinutes;
            for (var e = log.CaseStarts[c]; e < end; e++)
            {
                writer.WriteStartElement("event", Ns);
                WriteString("concept:name", log.ActivityNames[activities[e]]);
                WriteDate("time:timestamp", timestamps[e], offsets.IsEmpty ? (short)0 : offsets[e]);
                if (log.Lifecycle?.GetString(e) is { } lifecycle)
                {
                    WriteString("lifecycle:transition", lifecycle);
                }

                if (log.Resource?.GetString(e) is { } resource)
                {
                    WriteString("org:resource", resource);
                }

                if (log.Channel?.GetString(e) is { } channel)
                {
                    WriteString("channel", channel);
                }

                if (log.StartTimestamps is { } starts && starts.IsValid(e))
                {
                    WriteDate("start_timestamp", starts.UtcTicks[e], starts.OffsetMinutes[e]);
                }

                foreach (var column in log.EventAttributes)
                {
                    if (column.GetValue(e) is not { } value)
                    {
                        continue;
                    }

                    if (ReferenceEquals(column, _eventIds))
                    {
                        WriteTyped("id", "identity:id", value.AsString());
                    }
                    else
                    {
                        WriteValue(column.Name, value);
                    }
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        private void WriteValue(string key, AttributeValue value)
        {
            int length;
            switch (value.Type)
            {
                case AttributeType.String:
                    WriteString(key, value.AsString());
                    return;
                case AttributeType.Timestamp:
                    WriteDate(key, value.AsUtcTicks(), value.OffsetMinutes);
                    return;
                case AttributeType.Long:
                    value.AsLong().TryFormat(_buffer, out length, default, CultureInfo.InvariantCulture);
                    WriteChars("int", key, length);
                    return;
                case AttributeType.Double when !double.IsFinite(value.AsDouble()):
                    // xs:double spells the non-finite values INF, -INF and NaN (.NET would write "Infinity").
                    var real = value.AsDouble();
                    WriteTyped("float", key, double.IsNaN(real) ? "NaN" : real > 0 ? "INF" : "-INF");
                    return;
                case AttributeType.Double:
                    value.AsDouble().TryFormat(_buffer, out length, "R", CultureInfo.InvariantCulture);
                    WriteChars("float", key, length);
                    return;
                default:
                    WriteTyped("boolean", key, value.AsBoolean() ? "true" : "false");
                    return;
            }
        }

        private void WriteString(string key, string value) => WriteTyped("string", key, value);

        private void WriteTyped(string element, string key, string value)
        {
            writer.WriteStartElement(element, Ns);
            writer.WriteAttributeString("key", key);
            writer.WriteAttributeString("value", value);
            writer.WriteEndElement();
        }

        private void WriteDate(string key, long utcTicks, short offsetMinutes) =>
            WriteChars("date", key, XesTimestamp.Format(utcTicks, offsetMinutes, _buffer));

        private void WriteChars(string element, string key, int length)
        {
            writer.WriteStartElement(element, Ns);
            writer.WriteAttributeString("key", key);
            writer.WriteStartAttribute("value");
            writer.WriteChars(_buffer, 0, length);
            writer.WriteEndAttribute();
            writer.WriteEndElement();
        }
    }
}
