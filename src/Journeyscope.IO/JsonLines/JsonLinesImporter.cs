using System.Text.Json;

namespace Journeyscope.IO;

/// <summary>
/// Imports event logs from JSON lines: one JSON object per line, one event per object, keys named by the shared field
/// conventions (<c>case_id</c>, <c>activity</c>, <c>timestamp</c>, <c>start_timestamp</c>, <c>lifecycle</c>,
/// <c>resource</c>, <c>channel</c>, <c>event_id</c>, <c>case:&lt;name&gt;</c>; other keys are event attributes).
/// </summary>
/// <remarks>
/// Streams the file line by line (each at most <see cref="ImportOptions.MaxRecordLength"/> bytes) and parses with
/// <see cref="Utf8JsonReader"/>. JSON types give attribute types: integers are longs, other numbers doubles,
/// true/false booleans; strings stay strings (also when they look like timestamps); nested objects and arrays are
/// kept as their JSON text with a warning. A key whose values have different JSON types becomes double (numbers) or
/// string. Timestamps are ISO 8601 strings (an offset is kept; without one the time is UTC) or Unix numbers
/// (seconds, or milliseconds above 10^11).
/// </remarks>
public static class JsonLinesImporter
{
    /// <summary>The format name reported in <see cref="ImportResult.Format"/>.</summary>
    public const string Format = "jsonl";

    /// <summary>Imports the JSON lines file at <paramref name="path"/>.</summary>
    public static ImportResult Import(string path, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ImportOptions.Default;
        var session = new ImportSession(Path.GetFileName(path), options, new FileInfo(path).Length);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw session.Fatal(0, -1, null, $"the file cannot be opened: {ex.Message}", ex);
        }

        using (stream)
        {
            return Run(stream, session, cancellationToken);
        }
    }

    /// <summary>Imports JSON lines from <paramref name="stream"/> (read to its end, not disposed).</summary>
    public static ImportResult Import(Stream stream, string sourceName, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= ImportOptions.Default;
        var session = new ImportSession(sourceName, options, stream.CanSeek ? stream.Length - stream.Position : -1);
        return Run(stream, session, cancellationToken);
    }

    private static ImportResult Run(Stream stream, ImportSession session, CancellationToken cancellationToken) =>
        ImportGuard.Run(session.Source, session.Options, cancellationToken,
            token => new JsonLinesReader(new CountingStream(stream, session), session).Run(token));
}
