using System.Text;
using Journeyscope.IO;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>Turns the upload form fields into importer options; a bad field is a 400 naming it.</summary>
internal static class ImportMapping
{
    public static ImportMode Mode(string? mode) => mode?.ToLowerInvariant() switch
    {
        null or "" or "lenient" => ImportMode.Lenient,
        "strict" => ImportMode.Strict,
        _ => throw Bad("mode", $"mode must be 'lenient' (quarantine bad records) or 'strict' (stop at the first), got '{mode}'."),
    };

    /// <summary>
    /// The importer options of one upload: the mode from the form, the client's file name in errors and quarantine,
    /// and the server's import budgets.
    /// </summary>
    public static ImportOptions Options(ImportForm form, string sourceName, ImportBudgetOptions budgets) =>
        WithBudgets(new ImportOptions { Mode = Mode(form.Mode), SourceName = sourceName }, budgets);

    /// <summary>Applies <c>Journeyscope:Imports</c> (events, decompressed bytes, rows, duration) to the importer options.</summary>
    public static ImportOptions WithBudgets(ImportOptions options, ImportBudgetOptions budgets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(budgets);
        return new ImportOptions
        {
            Mode = options.Mode,
            Progress = options.Progress,
            MaxRecordLength = options.MaxRecordLength,
            SourceName = options.SourceName,
            MaxEvents = budgets.MaxEvents,
            MaxDecompressedBytes = budgets.MaxDecompressedBytes,
            MaxRows = budgets.MaxRows,
            MaxDuration = budgets.MaxDuration,
        };
    }

    public static string FormatName(EventLogFormat format) => format switch
    {
        EventLogFormat.Xes => "xes",
        EventLogFormat.Csv => "csv",
        EventLogFormat.JsonLines => "jsonl",
        EventLogFormat.Parquet => "parquet",
        _ => "ocel",
    };

    public static EventLogFileOptions FileOptions(ImportForm form)
    {
        EventLogFormat? format = form.Format?.ToLowerInvariant() switch
        {
            null or "" => null,
            "xes" => EventLogFormat.Xes,
            "csv" => EventLogFormat.Csv,
            "jsonl" => EventLogFormat.JsonLines,
            "parquet" => EventLogFormat.Parquet,
            "ocel" => EventLogFormat.Ocel,
            _ => throw Bad("format", $"format must be one of xes, csv, jsonl, parquet, ocel (or omitted to detect it), got '{form.Format}'."),
        };
        var delimiter = form.Delimiter is { Length: > 0 } d
            ? d == "\\t" ? '\t' : d.Length == 1 ? d[0] : throw Bad("delimiter", $"delimiter must be one character (or \\t), got '{d}'.")
            : (char?)null;
        return new EventLogFileOptions
        {
            Format = format,
            Csv = new CsvImportOptions
            {
                CaseColumn = Blank(form.Case),
                ActivityColumn = Blank(form.Activity),
                TimestampColumn = Blank(form.Timestamp),
                StartTimestampColumn = Blank(form.StartTimestamp),
                ResourceColumn = Blank(form.Resource),
                ChannelColumn = Blank(form.Channel),
                LifecycleColumn = Blank(form.Lifecycle),
                EventIdColumn = Blank(form.EventId),
                TimestampFormat = Blank(form.TimestampFormat),
                TimeZone = Zone(Blank(form.TimeZone)),
                Delimiter = delimiter,
                Encoding = ParseEncoding(Blank(form.Encoding)),
                CaseAttributeColumns = form.CaseAttributes?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
            },
            Ocel = new OcelImportOptions { CaseObjectType = Blank(form.ObjectType) },
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static TimeZoneInfo? Zone(string? id)
    {
        if (id is null)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw Bad("timeZone", $"Unknown time zone '{id}'. Use an IANA id such as Europe/Amsterdam or UTC.");
        }
    }

    private static Encoding? ParseEncoding(string? name)
    {
        if (name is null)
        {
            return null;
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return name.Equals("latin1", StringComparison.OrdinalIgnoreCase) ? Encoding.Latin1 : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw Bad("encoding", $"Unknown encoding '{name}'. Use utf-8, latin1 or windows-1252.");
        }
    }

    private static ApiProblemException Bad(string field, string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid import field", detail, new Dictionary<string, object?> { ["field"] = field });
}
