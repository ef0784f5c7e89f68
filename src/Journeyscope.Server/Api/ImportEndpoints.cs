using Journeyscope.IO;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Api;

/// <summary>File uploads: import (lenient or strict, with the quarantine report) and inspect (for the import wizard).</summary>
internal static class ImportEndpoints
{
    public static void Map(RouteGroupBuilder workspace, long maxImportBytes)
    {
        var limit = new RequestSizeLimitAttribute(maxImportBytes);
        workspace.MapPost("/imports", Import).WithName("Import").RequireWorkspaceRole(WorkspaceRole.Analyst).AddEndpointFilter<ImportGate>()
            .WithSummary("Imports an uploaded file (multipart field 'file') into the workspace; bad records are quarantined (lenient) or fail the upload (strict).")
            .Accepts<ImportForm>("multipart/form-data").DisableAntiforgery().WithMetadata(limit)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workspace.MapPost("/imports/inspect", Inspect).WithName("InspectImport").RequireWorkspaceRole(WorkspaceRole.Analyst)
            .WithSummary("Detects an uploaded file's format; for CSV also columns, suggested mapping and a timestamp preview of the first rows.")
            .Accepts<ImportForm>("multipart/form-data").DisableAntiforgery().WithMetadata(limit)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workspace.MapPost("/imports/uploads", Keep).WithName("KeepUpload").RequireWorkspaceRole(WorkspaceRole.Analyst)
            .WithSummary("Keeps an uploaded file (multipart field 'file') on the server; inspect and import it by its id (form field 'uploadId') without sending it again.")
            .Accepts<ImportForm>("multipart/form-data").DisableAntiforgery().WithMetadata(limit)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        workspace.MapDelete("/imports/uploads/{uploadId}", Forget).WithName("DeleteUpload").RequireWorkspaceRole(WorkspaceRole.Analyst)
            .WithSummary("Deletes a kept upload.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Keeps the upload for the wizard: one transfer of the file, then any number of inspections and the import by id.</summary>
    private static async Task<Ok<UploadResponse>> Keep(string ws, HttpRequest request, UploadFolder uploads, CancellationToken cancellationToken)
    {
        var upload = await ImportUpload.ReadAsync(request, uploads, cancellationToken).ConfigureAwait(false);
        if (upload.LookupPath is not null)
        {
            UploadFolder.Delete(upload.LookupPath);
        }

        var id = UploadFolder.Keep(upload.Path, ws);
        return TypedResults.Ok(new UploadResponse(id, upload.Name, new FileInfo(upload.Path).Length));
    }

    private static NoContent Forget(string ws, string uploadId, UploadFolder uploads)
    {
        if (uploads.Find(uploadId, ws) is not { } path)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown upload", $"Workspace '{ws}' has no kept upload '{uploadId}'.");
        }

        UploadFolder.Delete(path);
        return TypedResults.NoContent();
    }

    /// <remarks>
    /// The request token is the client's connection: a client that disconnects cancels the import (the importers check
    /// the token per chunk), so no core is left parsing an upload nobody waits for.
    /// </remarks>
    private static async Task<Ok<ImportResponse>> Import(
        string ws, HttpRequest request, WorkspaceHost host, UploadFolder uploads, IOptions<JourneyscopeServerOptions> options, CancellationToken cancellationToken)
    {
        await using var upload = await ImportUpload.ReadAsync(request, uploads, cancellationToken, ws).ConfigureAwait(false);
        var fileOptions = ImportMapping.FileOptions(upload.Form, upload.LookupPath, upload.LookupName);
        var importOptions = ImportMapping.Options(upload.Form, upload.Name, options.Value.Imports);
        var result = await Task.Run(
            () => EventLogFile.Import(upload.Path, fileOptions, importOptions, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var store = host.Get(ws);
        var before = store.Version;
        var summary = await store.AppendAsync(result, upload.Name, cancellationToken).ConfigureAwait(false);
        if (summary.Version != before)
        {
            // The same notification as the collector's: live pages refresh and the live log grows in place.
            host.NotifyChanged(ws);
        }

        var preview = result.Quarantine.Take(options.Value.QuarantinePreview).ToList();
        return TypedResults.Ok(new ImportResponse(summary, preview, result.Warnings));
    }

    private static async Task<Ok<InspectResponse>> Inspect(string ws, HttpRequest request, UploadFolder uploads, CancellationToken cancellationToken)
    {
        _ = ws;
        await using var upload = await ImportUpload.ReadAsync(request, uploads, cancellationToken, ws).ConfigureAwait(false);
        var fileOptions = ImportMapping.FileOptions(upload.Form, upload.LookupPath, upload.LookupName);
        var format = fileOptions.Format ?? EventLogFile.Detect(upload.Path);
        if (format != EventLogFormat.Csv)
        {
            return TypedResults.Ok(new InspectResponse(upload.Name, ImportMapping.FormatName(format), null, null, null, [], [], [],
                ["Only CSV files need a column mapping; this file's columns follow its format's standard keys."]));
        }

        var csv = fileOptions.Csv ?? CsvImportOptions.Default;
        var inspection = await Task.Run(() => CsvImporter.Inspect(upload.Path, csv), cancellationToken).ConfigureAwait(false);
        var columns = inspection.Columns
            .Select(c => new InspectedColumn(c.Name, c.Role, c.Type.ToString().ToLowerInvariant(), c.TimestampFormat, c.Samples, c.Distinct))
            .ToList();
        var timestamps = inspection.Timestamps;
        string? Best(string role) => inspection.ProposalFor(role)?.Column;
        var survey = inspection.Layout == "survey";
        var wide = inspection.Layout == "wide";
        var mapping = new CsvMapping(
            Best("case"), survey || wide ? null : Best("activity"), wide ? null : Best("timestamp"), Best("start_timestamp"),
            Best("resource"), Best("channel"), Best("lifecycle"), Best("event_id"),
            csv.TimestampFormat ?? timestamps?.Format,
            wide ? inspection.Proposals.Where(p => p.Role == "wide_timestamp").Select(p => p.Column).ToList() : null,
            survey ? inspection.SurveyActivity : null,
            survey ? Best("score") : null,
            survey ? Best("comment") : null);
        var preview = timestamps?.Rows.Select(r => new TimestampPreview(r.Row, r.Text, r.Parsed, r.Problem)).ToList() ?? [];
        var delimiter = inspection.Delimiter == '\t' ? "\\t" : inspection.Delimiter.ToString();
        return TypedResults.Ok(new InspectResponse(
            upload.Name, "csv", inspection.EncodingName, delimiter, mapping, columns, inspection.Rows, preview, inspection.Warnings,
            inspection.Layout, inspection.Proposals, inspection.Missing, timestamps));
    }
}
