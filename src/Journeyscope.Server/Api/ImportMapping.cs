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

    /// <summary>The file options of an upload's form; <paramref name="lookupPath"/> is the uploaded lookup file (field <c>lookup</c>), when sent.</summary>
    public static EventLogFileOptions FileOptions(ImportForm form, string? lookupPath = null, string? lookupName = null)
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
        var text = new CsvMappingText
        {
            Case = form.Case,
            Activity = form.Activity,
            Timestamp = form.Timestamp,
            StartTimestamp = form.StartTimestamp,
            Resource = form.Resource,
            Channel = form.Channel,
            Lifecycle = form.Lifecycle,
            EventId = form.EventId,
            TimestampFormat = form.TimestampFormat,
            TimeZone = form.TimeZone,
            Delimiter = form.Delimiter,
            Encoding = form.Encoding,
            CaseAttributes = CsvMappingText.SplitList(form.CaseAttributes),
            WideTimestamps = CsvMappingText.SplitList(form.WideTimestamps),
            Survey = form.Survey,
            Score = form.Score,
            Comment = form.Comment,
            SurveyDate = form.SurveyDate,
            Lookup = lookupPath,
            LookupName = lookupName,
            LookupOn = form.LookupOn,
            LookupKey = form.LookupKey,
            LookupCase = form.LookupCase,
            LookupAttributes = CsvMappingText.SplitList(form.LookupAttributes),
        };
        CsvImportOptions csv;
        try
        {
            csv = text.ToOptions(FieldName);
        }
        catch (CsvMappingException e)
        {
            throw Bad(FieldName(e.Field), e.Message);
        }

        return new EventLogFileOptions
        {
            Format = format,
            Csv = csv,
            Ocel = new OcelImportOptions { CaseObjectType = string.IsNullOrWhiteSpace(form.ObjectType) ? null : form.ObjectType.Trim() },
        };
    }

    /// <summary>The form field that sets a <see cref="CsvMappingText"/> property (camelCase, as in the OpenAPI document).</summary>
    public static string FieldName(string property) => property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];

    private static ApiProblemException Bad(string field, string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid import field", detail, new Dictionary<string, object?> { ["field"] = field });
}
