using System.Text;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>Reads and writes event logs in any supported format, chosen by option, by content, or by file name.</summary>
public static class EventLogFile
{
    /// <summary>Imports <paramref name="path"/>, detecting its format unless <see cref="EventLogFileOptions.Format"/> is set.</summary>
    /// <exception cref="ImportException">The file is missing, unreadable, of an unknown format, or (strict mode) has a bad record.</exception>
    public static ImportResult Import(
        string path,
        EventLogFileOptions? fileOptions = null,
        ImportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        fileOptions ??= EventLogFileOptions.Default;
        options ??= ImportOptions.Default;
        if (!File.Exists(path))
        {
            throw new ImportException(Path.GetFileName(path), 0, -1, null, $"The file '{path}' does not exist.");
        }

        var format = fileOptions.Format ?? Detect(path);
        return format switch
        {
            EventLogFormat.Xes => XesImporter.Import(path, options, cancellationToken),
            EventLogFormat.Csv => CsvImporter.Import(path, fileOptions.Csv, options, cancellationToken),
            EventLogFormat.JsonLines => JsonLinesImporter.Import(path, options, cancellationToken),
            EventLogFormat.Parquet => ParquetImporter.Import(path, options, cancellationToken),
            _ => OcelImporter.Import(path, fileOptions.Ocel, options, cancellationToken),
        };
    }

    /// <summary>Writes <paramref name="log"/> to <paramref name="path"/> in <paramref name="format"/> (or the one its name implies).</summary>
    public static void Export(EventLog log, string path, EventLogFormat? format = null)
    {
        switch (format ?? FromName(path) ?? throw new ArgumentException(
                    $"Cannot tell the export format from '{Path.GetFileName(path)}'; use .xes, .xes.gz, .csv, .jsonl, .parquet or .jsonocel.",
                    nameof(path)))
        {
            case EventLogFormat.Xes:
                XesExporter.Export(log, path);
                break;
            case EventLogFormat.Csv:
                CsvExporter.Export(log, path);
                break;
            case EventLogFormat.JsonLines:
                JsonLinesExporter.Export(log, path);
                break;
            case EventLogFormat.Parquet:
                ParquetExporter.Export(log, path);
                break;
            default:
                OcelJsonExporter.Export(OcelConversion.FromEventLog(log), path);
                break;
        }
    }

    /// <summary>Detects the format of a file from its first bytes, falling back to its name.</summary>
    /// <exception cref="ImportException">The file is empty or of no known format.</exception>
    public static EventLogFormat Detect(string path)
    {
        Span<byte> head = stackalloc byte[512];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..read];
        var name = Path.GetFileName(path);
        if (read == 0)
        {
            throw new ImportException(name, 0, 0, null, "The file is empty.");
        }

        var byName = FromName(path);
        if (head.StartsWith("PAR1"u8))
        {
            return EventLogFormat.Parquet;
        }

        if (head.StartsWith("SQLite format 3\0"u8))
        {
            return EventLogFormat.Ocel;
        }

        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return byName is EventLogFormat.Csv or EventLogFormat.JsonLines ? byName.Value : EventLogFormat.Xes;
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (byName is { } known)
        {
            return known;
        }

        if (text.StartsWith('<'))
        {
            return text.Contains("<log", StringComparison.Ordinal) && text.Contains("ocel", StringComparison.OrdinalIgnoreCase)
                ? EventLogFormat.Ocel
                : EventLogFormat.Xes;
        }

        if (text.StartsWith('{'))
        {
            return text.Contains("\"objectTypes\"", StringComparison.Ordinal) || text.Contains("\"eventTypes\"", StringComparison.Ordinal)
                ? EventLogFormat.Ocel
                : EventLogFormat.JsonLines;
        }

        if (text.Contains(',', StringComparison.Ordinal) || text.Contains(';', StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal))
        {
            return EventLogFormat.Csv;
        }

        throw new ImportException(name, 0, 0, null,
            "Unknown file format: expected XES (.xes, .xes.gz), CSV, JSON lines (.jsonl), Parquet or OCEL 2.0 (.jsonocel, .xmlocel, .sqlite).");
    }

    /// <summary>The format a file name implies, or null.</summary>
    public static EventLogFormat? FromName(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        return Path.GetExtension(name) switch
        {
            ".xes" => EventLogFormat.Xes,
            ".csv" or ".tsv" or ".txt" => EventLogFormat.Csv,
            ".jsonl" or ".ndjson" => EventLogFormat.JsonLines,
            ".parquet" => EventLogFormat.Parquet,
            ".jsonocel" or ".xmlocel" or ".sqlite" or ".sqlite3" or ".ocel" => EventLogFormat.Ocel,
            _ => null,
        };
    }
}
