using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Journeyscope.Storage;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Services;

/// <summary>
/// The workspaces the server hosts: every subfolder of <see cref="JourneyscopeServerOptions.WorkspacesRoot"/> is one,
/// named after the folder. Each workspace is opened once and kept open for the server's lifetime.
/// </summary>
/// <remarks>
/// Thread-safe. Names are restricted to letters, digits, '.', '-' and '_' so that a name never leaves the root.
/// Creating, renaming and deleting are serialised; while a workspace is being renamed or deleted it is reported as
/// missing and cannot be opened, so no request reopens (and recreates) a folder that is moving away.
/// </remarks>
public sealed partial class WorkspaceHost : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Workspace>> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _closing = new(StringComparer.Ordinal);
    private readonly Lock _createGate = new();
    private bool _disposed;

    /// <summary>Creates the host over the configured root folder (created when missing).</summary>
    public WorkspaceHost(IOptions<JourneyscopeServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = Path.GetFullPath(options.Value.WorkspacesRoot is { Length: > 0 } root ? root : WorkspacesHome.WorkspacesFolder());
        DefaultWorkspace = options.Value.DefaultWorkspace;
        Directory.CreateDirectory(Root);
    }

    /// <summary>The absolute folder holding the workspaces.</summary>
    public string Root { get; }

    /// <summary>The name of the workspace the UI opens first (it may not exist yet).</summary>
    public string DefaultWorkspace { get; }

    /// <summary>Whether <paramref name="name"/> is an acceptable workspace name.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 64 } && NamePattern().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    /// <summary>The names of the hosted workspaces, sorted ordinally.</summary>
    public IReadOnlyList<string> List()
    {
        var names = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            if (IsValidName(name))
            {
                names.Add(name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>Whether a workspace named <paramref name="name"/> exists.</summary>
    public bool Exists(string? name) =>
        IsValidName(name) && !_closing.ContainsKey(name!) && Directory.Exists(Path.Combine(Root, name!));

    /// <summary>
    /// Raised after a workspace was renamed, deleted or had a customer erased, with its (old) name, so that caches drop what
    /// they hold for it.
    /// </summary>
    public event Action<string>? Closed;

    /// <summary>Creates the workspace <paramref name="name"/>; false when it already exists.</summary>
    /// <exception cref="ArgumentException">The name is not acceptable.</exception>
    public bool Create(string name)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException(NameRule(name), nameof(name));
        }

        lock (_createGate)
        {
            if (Exists(name))
            {
                return false;
            }

            Get(name);
            return true;
        }
    }

    /// <summary>The open workspace <paramref name="name"/>; its folder is initialised as a workspace when it holds none yet.</summary>
    /// <exception cref="WorkspaceException">The database is locked by another process or damaged.</exception>
    public Workspace Get(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!IsValidName(name))
        {
            throw new ArgumentException(NameRule(name), nameof(name));
        }

        if (_closing.ContainsKey(name))
        {
            throw new WorkspaceException($"The workspace '{name}' is being renamed or deleted.");
        }

        if (_erasing.ContainsKey(name))
        {
            throw new WorkspaceException($"A customer is being erased from the workspace '{name}'; try again in a moment.");
        }

        var lazy = _open.GetOrAdd(name, n => new Lazy<Workspace>(() => OpenKept(Path.Combine(Root, n))));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed open (locked, damaged) must not be cached: the next request tries again.
            _open.TryRemove(new KeyValuePair<string, Lazy<Workspace>>(name, lazy));
            throw;
        }
    }

    /// <summary>
    /// Opens a workspace the server keeps open and, when collector batches are expected (<see cref="ExpectsBatches"/>),
    /// starts loading its message-id dedup filter in the background, so the first batch after a (re)start does not pay its
    /// scan (docs/storage.md). The event-id filter, which only file imports use, loads at the first import.
    /// </summary>
    private static Workspace OpenKept(string folder)
    {
        var workspace = Workspace.Open(folder, create: true);
        try
        {
            if (ExpectsBatches(folder))
            {
                _ = workspace.PreloadDedupFilters(includeEventIds: false);
            }

            return workspace;
        }
        catch
        {
            // Not cached (Get forgets a failed open): close it, or its file would stay locked.
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>Why <paramref name="name"/> is not acceptable, in words a user can act on.</summary>
    public static string NameRule(string? name) =>
        $"'{name}' is not a valid workspace name: use 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit.";

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var lazy in _open.Values)
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Dispose();
            }
        }

        _open.Clear();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
