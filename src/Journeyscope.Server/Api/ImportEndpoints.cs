using System.Text;
using Journeyscope.IO;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Api;

/// <summary>File uploads: import (lenient or strict, with the quarantine report) and inspect (for the import wizard).</summary>
internal static class ImportEndpoints
{
    private const int PreviewRows = 10;

    public static void Map(RouteGroupBuilder workspace, long maxImportBytes)
    {
        var limit = new RequestSizeLimitAttribute(maxImportBytes);
        workspace.MapPost("/imports", Import).WithName("Import")
            .WithSummary("Imports an uploaded file (multipart field 'file') into the workspace; bad records are quarantined (lenient) or fail the upload (strict).")
            .Accepts<ImportForm>("multipart/form-data").DisableAntiforgery().WithMetadata(limit)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workspace.MapPost("/imports/inspect", Inspect).WithName("InspectImport")
            .WithSummary("Detects an uploaded file's format; for CSV also columns, suggested mapping and a timestamp preview of the first rows.")
            .Accepts<ImportForm>("multipart/form-data").DisableAntiforgery().WithMetadata(limit)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <remarks>
    /// The request token is the client's connection: a client that disconnects cancels the import (the importers check
    /// the token per chunk), so no core is left parsing an upload nobody waits for.
    /// </remarks>
    private static async Task<Ok<ImportResponse>> Import(
        string ws, HttpRequest request, WorkspaceHost host, UploadFolder uploads, IOptions<JourneyscopeServerOptions> options, CancellationToken cancellationToken)
    {
        await using var upload = await ImportUpload.ReadAsync(request, uploads, cancellationToken).ConfigureAwait(false);
        var fileOptions = ImportMapping.FileOptions(upload.Form);
        var importOptions = ImportMapping.Options(upload.Form, upload.Name, options.Value.Imports);
        var result = await Task.Run(
            () => EventLogFile.Import(upload.Path, fileOptions, importOptions, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var summary = await host.Get(ws).AppendAsync(result, upload.Name, cancellationToken).ConfigureAwait(false);
        var preview = result.Quarantine.Take(options.Value.QuarantinePreview).ToList();
        return TypedResults.Ok(new ImportResponse(summary, preview, result.Warnings));
    }

    private static async Task<Ok<InspectResponse>> Inspect(string ws, HttpRequest request, UploadFolder uploads, CancellationToken cancellationToken)
    {
        _ = ws;
        await using var upload = await ImportUpload.ReadAsync(request, uploads, cancellationToken).ConfigureAwait(false);
        var fileOptions = ImportMapping.FileOptions(upload.Form);
        var format = fileOptions.Format ?? EventLogFile.Detect(upload.Path);
        if (format != EventLogFormat.Csv)
        {
            return TypedResults.Ok(new InspectResponse(upload.Name, ImportMapping.FormatName(format), null, null, null, [], [], [],
                ["Only CSV files need a column mapping; this file's columns follow its format's standard keys."]));
        }

        var csv = fileOptions.Csv ?? CsvImportOptions.Default;
        var inspection = CsvImporter.Inspect(upload.Path, csv);
        var columns = inspection.Columns
            .Select(c => new InspectedColumn(c.Name, c.Role, c.Type.ToString().ToLowerInvariant(), c.TimestampFormat))
            .ToList();
        var timestampColumn = inspection.ColumnFor("timestamp");
        var mapping = new CsvMapping(
            inspection.ColumnFor("case"), inspection.ColumnFor("activity"), timestampColumn, inspection.ColumnFor("start_timestamp"),
            inspection.ColumnFor("resource"), inspection.ColumnFor("channel"), inspection.ColumnFor("lifecycle"), inspection.ColumnFor("event_id"),
            inspection.Columns.FirstOrDefault(c => string.Equals(c.Name, timestampColumn, StringComparison.Ordinal))?.TimestampFormat);
        var preview = Preview(inspection, csv, upload.Name, timestampColumn, cancellationToken);
        var delimiter = inspection.Delimiter == '\t' ? "\\t" : inspection.Delimiter.ToString();
        return TypedResults.Ok(new InspectResponse(
            upload.Name, "csv", inspection.EncodingName, delimiter, mapping, columns, inspection.Rows, preview, inspection.Warnings));
    }

    /// <summary>
    /// Reads each of the first rows with the real importer and the given mapping (header plus that row), so the
    /// preview shows exactly the instant an import would store, or why the row would be quarantined.
    /// </summary>
    private static List<TimestampPreview> Preview(
        CsvInspection inspection, CsvImportOptions csv, string name, string? timestampColumn, CancellationToken cancellationToken)
    {
        var preview = new List<TimestampPreview>();
        var column = timestampColumn is null ? -1 : inspection.Columns.ToList().FindIndex(c => string.Equals(c.Name, timestampColumn, StringComparison.Ordinal));
        if (column < 0)
        {
            return preview;
        }

        var options = Copy(csv, inspection.Delimiter);
        var header = Line(inspection.Columns.Select(c => c.Name).ToList(), inspection.Delimiter);
        for (var r = 0; r < Math.Min(PreviewRows, inspection.Rows.Count); r++)
        {
            var row = inspection.Rows[r];
            var text = column < row.Count ? row[column] : null;
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(header + "\n" + Line(row, inspection.Delimiter) + "\n"));
            try
            {
                var result = CsvImporter.Import(stream, name, options, ImportOptions.Default, cancellationToken);
                preview.Add(result.Log.EventCount > 0
                    ? new TimestampPreview(r + 1, text, result.Log.GetTimestamp(0), null)
                    : new TimestampPreview(r + 1, text, null, result.Quarantine.Count > 0 ? result.Quarantine[0].Reason : "no event"));
            }
            catch (ImportException e)
            {
                preview.Add(new TimestampPreview(r + 1, text, null, e.Reason));
            }
        }

        return preview;
    }

    private static CsvImportOptions Copy(CsvImportOptions csv, char delimiter) => new()
    {
        Delimiter = delimiter,
        Quote = '"',
        Encoding = new UTF8Encoding(false),
        CaseColumn = csv.CaseColumn,
        ActivityColumn = csv.ActivityColumn,
        TimestampColumn = csv.TimestampColumn,
        StartTimestampColumn = csv.StartTimestampColumn,
        ResourceColumn = csv.ResourceColumn,
        ChannelColumn = csv.ChannelColumn,
        LifecycleColumn = csv.LifecycleColumn,
        EventIdColumn = csv.EventIdColumn,
        CaseAttributeColumns = csv.CaseAttributeColumns,
        WideTimestampColumns = csv.WideTimestampColumns,
        TimestampFormat = csv.TimestampFormat,
        TimeZone = csv.TimeZone,
    };

    private static string Line(IReadOnlyList<string> fields, char delimiter)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(delimiter);
            }

            line.Append('"').Append(fields[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return line.ToString();
    }
}
