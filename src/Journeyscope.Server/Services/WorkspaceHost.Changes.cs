using Journeyscope.Storage;

namespace Journeyscope.Server.Services;

public sealed partial class WorkspaceHost
{
    /// <summary>
    /// Raised with a workspace's name after new data was committed to it by the collector (live events); pages showing
    /// the workspace re-fetch their data (throttled to about once a second, see WorkspacePage).
    /// </summary>
    /// <remarks>Raised on the writer's thread, after the commit; handlers must return quickly and not throw.</remarks>
    public event Action<string>? Changed;

    /// <summary>Tells the subscribers of <see cref="Changed"/> that <paramref name="name"/> has new data.</summary>
    public void NotifyChanged(string name) => Changed?.Invoke(name);

    /// <summary>Renames the workspace <paramref name="name"/> to <paramref name="newName"/> (moves its folder).</summary>
    /// <remarks>
    /// The open database is closed first, after the operation in progress ends; requests that arrive meanwhile see the
    /// workspace as missing. The default workspace is not renamed: the UI opens it first and the demo lives there.
    /// </remarks>
    /// <exception cref="ArgumentException">A name is not acceptable.</exception>
    /// <exception cref="WorkspaceException">The folder could not be moved (the message says why).</exception>
    public WorkspaceChange Rename(string name, string newName)
    {
        ThrowIfInvalid(name, nameof(name));
        ThrowIfInvalid(newName, nameof(newName));
        lock (_createGate)
        {
            if (!Exists(name))
            {
                return WorkspaceChange.NotFound;
            }

            if (IsDefault(name))
            {
                return WorkspaceChange.IsDefault;
            }

            var target = Path.Combine(Root, newName);
            if (string.Equals(name, newName, StringComparison.Ordinal))
            {
                return WorkspaceChange.Done;
            }

            // A case-only rename is the same folder on a case-insensitive file system: not "taken".
            var caseOnly = string.Equals(name, newName, StringComparison.OrdinalIgnoreCase);
            if (!caseOnly && (Directory.Exists(target) || File.Exists(target)))
            {
                return WorkspaceChange.NameTaken;
            }

            CloseWhile(name, () => Directory.Move(Path.Combine(Root, name), target), "renamed");
            return WorkspaceChange.Done;
        }
    }

    /// <summary>Deletes the workspace <paramref name="name"/>: its events, journeys and folder. Cannot be undone.</summary>
    /// <remarks>
    /// The folder is first moved aside under a name no workspace can have, then deleted, so a deletion that fails half-way
    /// never leaves a half-deleted workspace in the list. The default workspace is not deleted.
    /// </remarks>
    /// <exception cref="ArgumentException">The name is not acceptable.</exception>
    /// <exception cref="WorkspaceException">The folder could not be moved aside (the message says why).</exception>
    public WorkspaceChange Delete(string name)
    {
        ThrowIfInvalid(name, nameof(name));
        lock (_createGate)
        {
            if (!Exists(name))
            {
                return WorkspaceChange.NotFound;
            }

            if (IsDefault(name))
            {
                return WorkspaceChange.IsDefault;
            }

            var aside = Path.Combine(Root, ".deleted-" + name + "-" + Guid.NewGuid().ToString("N"));
            CloseWhile(name, () => Directory.Move(Path.Combine(Root, name), aside), "deleted");
            try
            {
                Directory.Delete(aside, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The workspace is gone from the list; what is left is swept at the next start (SweepDeleted).
            }

            return WorkspaceChange.Done;
        }
    }

    /// <summary>Deletes what deletions interrupted by a crash left behind (folders moved aside but not yet deleted).</summary>
    public void SweepDeleted()
    {
        foreach (var folder in Directory.EnumerateDirectories(Root, ".deleted-*"))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next start.
            }
        }
    }

    private bool IsDefault(string name) => string.Equals(name, DefaultWorkspace, StringComparison.Ordinal);

    private static void ThrowIfInvalid(string name, string parameter)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException(NameRule(name), parameter);
        }
    }

    /// <summary>Closes the workspace's database, then runs <paramref name="change"/> on its folder, refusing new opens meanwhile.</summary>
    private void CloseWhile(string name, Action change, string verb)
    {
        _closing[name] = 0;
        try
        {
            if (_open.TryRemove(name, out var lazy))
            {
                try
                {
                    // Waits for an open in progress; Dispose waits for the operation in progress.
                    lazy.Value.Dispose();
                }
                catch (WorkspaceException)
                {
                    // It never opened: nothing to close.
                }
            }

            try
            {
                change();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new WorkspaceException($"The workspace '{name}' could not be {verb}: {e.Message}", e);
            }
        }
        finally
        {
            // Still refusing opens: no request can cache the old workspace again between the eviction and the end.
            Closed?.Invoke(name);
            _closing.TryRemove(name, out _);
        }
    }
}
