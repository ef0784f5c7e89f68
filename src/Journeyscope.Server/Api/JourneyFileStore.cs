using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>
/// Reads and writes journey files with a version (an entity tag from the file's bytes), so that two people editing
/// the same journey cannot overwrite each other unnoticed: a write that names the version it started from is refused
/// with 412 when the file has changed since.
/// </summary>
/// <remarks>
/// Writes of one file are serialised in this process (check, then write beside and move: a reader never sees half a
/// file). The version is the SHA-256 of the file's bytes, quoted as an HTTP entity tag.
/// </remarks>
internal static class JourneyFileStore
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>The entity tag of a file's content.</summary>
    public static string VersionOf(byte[] bytes) => "\"" + Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant() + "\"";

    /// <summary>The entity tag of a text as it is saved (UTF-8 without a byte order mark).</summary>
    public static string VersionOf(string text) => VersionOf(Utf8.GetBytes(text));

    /// <summary>The file's text and version.</summary>
    public static async Task<(string Text, string Version)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), VersionOf(bytes));
    }

    /// <summary>
    /// Writes the text that <paramref name="change"/> makes of the current one (null when the file does not exist),
    /// after checking <paramref name="ifMatch"/> (the version the client started from; <c>*</c> any existing file) and
    /// <paramref name="ifNoneMatch"/> (<c>*</c>: only when the file does not exist yet); returns the new version.
    /// </summary>
    /// <exception cref="ApiProblemException">412 when the file is not at the version the client names.</exception>
    public static async Task<string> WriteAsync(
        string path, string? ifMatch, string? ifNoneMatch, Func<string?, Task<string>> change, CancellationToken cancellationToken)
    {
        var gate = Locks.GetOrAdd(Path.GetFullPath(path), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var exists = File.Exists(path);
            var (current, version) = exists ? await ReadAsync(path, cancellationToken).ConfigureAwait(false) : ((string?)null, (string?)null);
            if (ifNoneMatch is not null && ifNoneMatch.Trim() == "*" && exists)
            {
                throw Conflict(path, "already exists", version);
            }

            if (!string.IsNullOrWhiteSpace(ifMatch) && !Matches(ifMatch, version))
            {
                throw Conflict(path, exists ? "was changed since you read it" : "does not exist", version);
            }

            var text = await change(current).ConfigureAwait(false);
            var temporary = path + ".saving";
            await File.WriteAllTextAsync(temporary, text, Utf8, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
            return VersionOf(text);
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool Matches(string ifMatch, string? version)
    {
        if (version is null)
        {
            return false;
        }

        foreach (var tag in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bare = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
            if (bare == "*" || string.Equals(bare, version, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static ApiProblemException Conflict(string path, string what, string? version) =>
        new(StatusCodes.Status412PreconditionFailed, "Journey changed",
            $"The journey {Path.GetFileName(path)} {what}; nothing was saved. Read it again (its version is in the ETag header), " +
            "apply your change to that version and save again.",
            new Dictionary<string, object?> { ["currentVersion"] = version });
}
