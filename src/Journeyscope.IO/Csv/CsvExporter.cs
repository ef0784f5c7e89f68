using System.Text;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>
/// Writes an event log as CSV: UTF-8 without BOM, comma-separated, RFC 4180 quoting, CRLF-free (LF) lines, one row
/// per event, columns named by the shared field conventions.
/// </summary>
/// <remarks>
/// Columns: <c>case_id, activity, timestamp</c>, then <c>start_timestamp, lifecycle, resource, channel</c> when the
/// log has them, then event attributes by name, then case attributes as <c>case:&lt;name&gt;</c> (repeated on every
/// row of the case). Timestamps are ISO 8601 with offset and up to 7 fractional digits; numbers and booleans are
/// written invariantly and doubles always carry a decimal point or exponent, so <see cref="CsvImporter"/> restores
/// the types. Missing values are empty cells.
/// </remarks>
public static class CsvExporter
{
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
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.NewLine = "\n";
        var header = new List<string> { "case_id", "activity", "timestamp" };
        if (log.StartTimestamps is not null)
        {
            header.Add("start_timestamp");
        }

        AddIf(header, log.Lifecycle, "lifecycle");
        AddIf(header, log.Resource, "resource");
        AddIf(header, log.Channel, "channel");
        foreach (var column in log.EventAttributes)
        {
            header.Add(column.Name);
        }

        foreach (var column in log.CaseAttributes)
        {
            header.Add("case:" + column.Name);
        }

        WriteRow(writer, header);
        var caseOfEvent = FlatExportColumns.CaseOfEvent(log);
        var activities = log.Activities;
        var row = new List<string>(header.Count);
        for (var ev = 0; ev < log.EventCount; ev++)
        {
            row.Clear();
            row.Add(log.CaseIds[caseOfEvent[ev]]);
            row.Add(log.ActivityNames[activities[ev]]);
            row.Add(FlatExportColumns.FormatTimestamp(log.GetTimestamp(ev)));
            if (log.StartTimestamps is { } start)
            {
                row.Add(start.IsValid(ev) ? FlatExportColumns.FormatTimestamp(start.UtcTicks[ev], start.OffsetMinutes[ev]) : string.Empty);
            }

            AddValue(row, log.Lifecycle, ev);
            AddValue(row, log.Resource, ev);
            AddValue(row, log.Channel, ev);
            foreach (var column in log.EventAttributes)
            {
                row.Add(column.GetValue(ev) is { } value ? AttributeText.Format(value) : string.Empty);
            }

            foreach (var column in log.CaseAttributes)
            {
                row.Add(column.GetValue(caseOfEvent[ev]) is { } value ? AttributeText.Format(value) : string.Empty);
            }

            WriteRow(writer, row);
        }
    }

    private static void AddIf(List<string> header, StringColumn? column, string name)
    {
        if (column is not null)
        {
            header.Add(name);
        }
    }

    private static void AddValue(List<string> row, StringColumn? column, int ev)
    {
        if (column is not null)
        {
            row.Add(column.GetString(ev) ?? string.Empty);
        }
    }

    private static void WriteRow(StreamWriter writer, List<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteField(writer, fields[i]);
        }

        writer.Write('\n');
    }

    private static void WriteField(StreamWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        var span = value.AsSpan();
        int quote;
        while ((quote = span.IndexOf('"')) >= 0)
        {
            writer.Write(span[..(quote + 1)]);
            writer.Write('"');
            span = span[(quote + 1)..];
        }

        writer.Write(span);
        writer.Write('"');
    }
}
