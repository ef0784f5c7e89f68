using System.Globalization;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Services;

/// <summary>
/// The folder uploads are streamed to while they are imported: one file per upload (in a subfolder of its own), readable by the server's user
/// only, deleted when the import ends and swept at start-up (a killed server leaves nothing behind for long).
/// </summary>
/// <remarks>
/// The default folder is <c>.uploads</c> in the workspaces root: on the disk that will hold the data anyway (a small
/// tmpfs <c>/tmp</c> need not fit a 1 GiB upload), never listed as a workspace (names cannot start with a dot), and
/// private to the server that owns the root, so two servers never sweep each other's uploads. Thread-safe.
/// </remarks>
public sealed class UploadFolder
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The default folder's name inside the workspaces root.</summary>
    public const string DefaultName = ".uploads";

    /// <summary>The file beside a kept upload naming its workspace (a dot name: never an uploaded file's name).</summary>
    private const string OwnerFile = ".workspace";

    /// <summary>Creates the folder (owner-only) from the configuration.</summary>
    public UploadFolder(IOptions<JourneyscopeServerOptions> options, WorkspaceHost host)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        Path = System.IO.Path.GetFullPath(options.Value.UploadFolder is { Length: > 0 } configured ? configured : System.IO.Path.Combine(host.Root, DefaultName));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
        }
        else
        {
            Directory.CreateDirectory(Path, OwnerOnlyFolder);
        }
    }

    /// <summary>The absolute folder.</summary>
    public string Path { get; }

    /// <summary>Deletes every file left in the folder (uploads of a server that was killed); returns how many.</summary>
    public int Sweep()
    {
        var removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path))
        {
            try
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }

                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use by another process, or not ours: leave it.
            }
        }

        return removed;
    }

    /// <summary>
    /// Creates a new, empty upload file named <paramref name="fileName"/> (importers detect the format from the name and
    /// errors show it) in a subfolder of its own, both readable and writable by the server's user only, open for
    /// asynchronous writing. The caller deletes it with <see cref="Delete"/>.
    /// </summary>
    /// <param name="fileName">A plain file name, already checked by the caller (no separators, not . or ..).</param>
    /// <param name="path">The file's path.</param>
    public FileStream Create(string fileName, out string path)
    {
        var folder = System.IO.Path.Combine(Path, Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            Options = FileOptions.Asynchronous,
            BufferSize = 1 << 16,
        };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
            options.UnixCreateMode = OwnerOnlyFile;
        }

        path = System.IO.Path.Combine(folder, fileName);
        try
        {
            return new FileStream(path, options);
        }
        catch
        {
            Delete(path);
            throw;
        }
    }

    /// <summary>
    /// Keeps the upload at <paramref name="path"/> for <paramref name="workspace"/> and returns its id (its subfolder's
    /// random name): the wizard inspects and imports it again by id instead of sending it again. Deleted with
    /// <see cref="Delete"/>, when unused for <see cref="JourneyscopeServerOptions.KeptUploadLifetime"/>
    /// (<see cref="KeptUploadExpiry"/>), or swept at the next start.
    /// </summary>
    public static string Keep(string path, string workspace)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        File.WriteAllText(System.IO.Path.Combine(folder, OwnerFile), workspace);
        return System.IO.Path.GetFileName(folder);
    }

    /// <summary>The path of the upload kept as <paramref name="id"/> for <paramref name="workspace"/>, or null when there is none.</summary>
    /// <remarks>An id is 32 hex digits; the upload of another workspace is not found, so an id does not cross workspaces.</remarks>
    public string? Find(string id, string workspace)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var folder = System.IO.Path.Combine(Path, id);
        var owner = System.IO.Path.Combine(folder, OwnerFile);
        if (!File.Exists(owner) || !string.Equals(File.ReadAllText(owner), workspace, StringComparison.Ordinal))
        {
            return null;
        }

        // A use renews the lease (see SweepExpired).
        TryTouch(owner);
        return Directory.EnumerateFiles(folder).FirstOrDefault(f => !string.Equals(System.IO.Path.GetFileName(f), OwnerFile, StringComparison.Ordinal));
    }

    /// <summary>
    /// Deletes the kept uploads not used since <paramref name="now"/> minus <paramref name="lifetime"/> (the time of the
    /// keep or of the last <see cref="Find"/>); returns how many. Uploads being imported are not kept ones and are left alone.
    /// </summary>
    public int SweepExpired(DateTimeOffset now, TimeSpan lifetime)
    {
        var removed = 0;
        var cutoff = (now - lifetime).UtcDateTime;
        foreach (var folder in Directory.EnumerateDirectories(Path))
        {
            var owner = System.IO.Path.Combine(folder, OwnerFile);
            try
            {
                if (File.Exists(owner) && File.GetLastWriteTimeUtc(owner) < cutoff)
                {
                    Directory.Delete(folder, recursive: true);
                    removed++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Being read right now, or already gone: the next sweep decides.
            }
        }

        return removed;
    }

    private static void TryTouch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The lease is only renewed best-effort: at worst the wizard uploads the file again.
        }
    }

    /// <summary>Deletes an upload file and its subfolder; what cannot be deleted now is swept at the next start.</summary>
    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(path)!, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Swept at the next start.
        }
    }
}
