using System.Text;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Journeyscope.Server.Api;

/// <summary>
/// An upload read from a multipart/form-data request: the file part streamed straight into one owner-only file of the
/// <see cref="UploadFolder"/> (no buffered copy of the form), the other parts read as <see cref="ImportForm"/> fields.
/// Disposing deletes the file.
/// </summary>
internal sealed class ImportUpload : IAsyncDisposable
{
    /// <summary>The longest file name accepted, in UTF-8 bytes (the limit of common file systems).</summary>
    public const int MaxFileNameBytes = 255;

    private const int MaxFieldChars = 16 * 1024;
    private const int MaxSections = 64;

    private ImportUpload(string path, string name, ImportForm form, string? lookupPath, string? lookupName, bool kept = false)
    {
        Kept = kept;
        Path = path;
        Name = name;
        Form = form;
        LookupPath = lookupPath;
        LookupName = lookupName;
    }

    /// <summary>The uploaded file on disk.</summary>
    public string Path { get; }

    /// <summary>The file's name as the client sent it (checked: a plain name).</summary>
    public string Name { get; }

    /// <summary>The other form fields.</summary>
    public ImportForm Form { get; }

    /// <summary>Whether the file is a kept upload (form field <c>uploadId</c>), which disposing leaves in place.</summary>
    public bool Kept { get; }

    /// <summary>The lookup file (multipart field <c>lookup</c>) on disk, or null when none was sent.</summary>
    public string? LookupPath { get; }

    /// <summary>The lookup file's name as the client sent it, or null.</summary>
    public string? LookupName { get; }

    /// <summary>Reads the request's parts; the file part must be field <c>file</c>.</summary>
    /// <exception cref="ApiProblemException">Not multipart, no file, a bad file name or a malformed body (400).</exception>
    /// <param name="request">The request.</param>
    /// <param name="folder">The upload folder.</param>
    /// <param name="cancellationToken">The client's connection.</param>
    /// <param name="workspace">The workspace whose kept uploads a form field <c>uploadId</c> may name instead of a file part.</param>
    public static async Task<ImportUpload> ReadAsync(HttpRequest request, UploadFolder folder, CancellationToken cancellationToken, string? workspace = null)
    {
        var boundary = Boundary(request);
        var reader = new MultipartReader(boundary, request.Body);
        var form = new ImportForm();
        string? path = null;
        string? name = null;
        string? lookupPath = null;
        string? lookupName = null;
        try
        {
            var sections = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (++sections > MaxSections)
                {
                    throw Bad("Too many form fields", $"An upload has at most {MaxSections} form fields.");
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (disposition.IsFileDisposition() && string.Equals(field, "lookup", StringComparison.OrdinalIgnoreCase) && lookupPath is null)
                {
                    // The third file of a join: maps the case column to another case id and/or adds case attributes.
                    lookupName = FileName(disposition);
                    var lookup = folder.Create(lookupName, out lookupPath);
                    await using (lookup.ConfigureAwait(false))
                    {
                        await section.Body.CopyToAsync(lookup, cancellationToken).ConfigureAwait(false);
                    }
                }
                else if (disposition.IsFileDisposition())
                {
                    if (!string.Equals(field, "file", StringComparison.OrdinalIgnoreCase) || path is not null)
                    {
                        continue; // another file field is not read (the reader skips its bytes)
                    }

                    name = FileName(disposition);
                    var target = folder.Create(name, out path);
                    await using (target.ConfigureAwait(false))
                    {
                        await section.Body.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    Set(form, field, await ReadFieldAsync(section.Body, field, cancellationToken).ConfigureAwait(false));
                }
            }
        }
        catch (Exception e)
        {
            if (path is not null)
            {
                UploadFolder.Delete(path);
            }

            if (lookupPath is not null)
            {
                UploadFolder.Delete(lookupPath);
            }

            if (e is InvalidDataException data)
            {
                throw Bad("Malformed upload", "The multipart/form-data body cannot be read: " + data.Message);
            }

            throw;
        }

        if (path is null && workspace is not null && form.UploadId is { Length: > 0 } id)
        {
            if (folder.Find(id.Trim(), workspace) is { } kept)
            {
                return new ImportUpload(kept, System.IO.Path.GetFileName(kept), form, lookupPath, lookupName, kept: true);
            }

            if (lookupPath is not null)
            {
                UploadFolder.Delete(lookupPath);
            }

            throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown upload",
                $"Workspace '{workspace}' has no kept upload '{Shorten(id)}' (it was deleted, or the server restarted). Upload the file again.",
                new Dictionary<string, object?> { ["field"] = "uploadId" });
        }

        if (path is null || name is null)
        {
            if (lookupPath is not null)
            {
                UploadFolder.Delete(lookupPath);
            }

            throw new ApiProblemException(StatusCodes.Status400BadRequest, "No file",
                "Attach the file as multipart/form-data field 'file' (for example: curl -F file=@orders.csv ...).");
        }

        return new ImportUpload(path, name, form, lookupPath, lookupName);
    }

    /// <summary>Deletes the file (and the lookup file).</summary>
    public ValueTask DisposeAsync()
    {
        if (!Kept)
        {
            UploadFolder.Delete(Path);
        }

        if (LookupPath is not null)
        {
            UploadFolder.Delete(LookupPath);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Why <paramref name="name"/> is not acceptable as an upload's file name, or null when it is.</summary>
    public static string? FileNameProblem(string name)
    {
        if (name is "." or "..")
        {
            return $"The file name '{name}' is not a file name. Send the file's own name, for example orders.csv.";
        }

        foreach (var c in name)
        {
            if (c is '/' or '\\' or '\0' || char.IsControl(c))
            {
                return "The file name must be a plain name without folders or control characters, for example orders.csv" +
                    (c is '/' or '\\' ? $"; got '{Shorten(name)}'." : ".");
            }
        }

        var bytes = Encoding.UTF8.GetByteCount(name);
        return bytes > MaxFileNameBytes
            ? $"The file name has {bytes} bytes in UTF-8; at most {MaxFileNameBytes} are accepted. Rename the file and upload it again."
            : null;
    }

    private static string Boundary(HttpRequest request)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 and <= 200 } boundary)
        {
            return boundary.Value!;
        }

        throw new ApiProblemException(StatusCodes.Status400BadRequest, "No file",
            $"Send the file as multipart/form-data field 'file' (for example: curl -F file=@orders.csv ...); the request's content type is '{Shorten(request.ContentType ?? "none")}'.");
    }

    private static string FileName(ContentDispositionHeaderValue disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        if (string.IsNullOrWhiteSpace(name))
        {
            return "upload";
        }

        return FileNameProblem(name) is { } problem ? throw Bad("Invalid file name", problem) : name;
    }

    private static async Task<string> ReadFieldAsync(Stream body, string field, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[MaxFieldChars + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return length > MaxFieldChars
            ? throw Bad("Form field too long", $"The form field '{Shorten(field)}' is longer than {MaxFieldChars:N0} characters.")
            : new string(buffer, 0, length);
    }

    private static void Set(ImportForm form, string field, string value)
    {
        switch (field.ToLowerInvariant())
        {
            case "mode": form.Mode = value; break;
            case "format": form.Format = value; break;
            case "case": form.Case = value; break;
            case "activity": form.Activity = value; break;
            case "timestamp": form.Timestamp = value; break;
            case "starttimestamp": form.StartTimestamp = value; break;
            case "resource": form.Resource = value; break;
            case "channel": form.Channel = value; break;
            case "lifecycle": form.Lifecycle = value; break;
            case "eventid": form.EventId = value; break;
            case "timestampformat": form.TimestampFormat = value; break;
            case "timezone": form.TimeZone = value; break;
            case "delimiter": form.Delimiter = value; break;
            case "encoding": form.Encoding = value; break;
            case "caseattributes": form.CaseAttributes = value; break;
            case "widetimestamps": form.WideTimestamps = value; break;
            case "survey": form.Survey = value; break;
            case "score": form.Score = value; break;
            case "comment": form.Comment = value; break;
            case "surveydate": form.SurveyDate = value; break;
            case "objecttype": form.ObjectType = value; break;
            case "lookupon": form.LookupOn = value; break;
            case "lookupkey": form.LookupKey = value; break;
            case "uploadid": form.UploadId = value; break;
            case "lookupcase": form.LookupCase = value; break;
            case "lookupattributes": form.LookupAttributes = value; break;
            default: break; // unknown fields are ignored, as form binding did
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";

    private static ApiProblemException Bad(string title, string detail) =>
        new(StatusCodes.Status400BadRequest, title, detail, new Dictionary<string, object?> { ["field"] = "file" });
}
