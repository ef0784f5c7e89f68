namespace Journeyscope.Server.Api.Dtos;

/// <summary>An upload kept on the server for the import wizard: inspect and import it again by id, without sending it again.</summary>
/// <param name="UploadId">The id to send as the form field <c>uploadId</c> instead of the file part.</param>
/// <param name="FileName">The file's name as uploaded (format detection and errors use it).</param>
/// <param name="Bytes">The file's size.</param>
public sealed record UploadResponse(string UploadId, string FileName, long Bytes);
