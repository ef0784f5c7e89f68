using Journeyscope.Server.Services;
using Journeyscope.Storage.Collector;

namespace Journeyscope.Server.Collector;

/// <summary>
/// Finds the workspace of an ingest key: an in-memory index of the keys files of every hosted workspace, rebuilt when a
/// key is not found and the index is older than a second (a key the CLI just created works at once; a flood of bad keys
/// costs at most one scan a second), and every 30 seconds otherwise.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class IngestKeyIndex(WorkspaceHost host, TimeProvider time)
{
    private static readonly TimeSpan MissRefresh = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _rebuild = new();
    private volatile Snapshot _snapshot = new(new Dictionary<string, string>(StringComparer.Ordinal), long.MinValue);

    /// <summary>The name of the workspace <paramref name="key"/> writes to, or null when it is no ingest key.</summary>
    /// <remarks>
    /// A key not in the index waits until the index is a second old and looks again in a rebuilt one: a key just created
    /// (by the CLI, or the API) is always found, and a flood of unknown keys costs at most one scan of the keys files a
    /// second (each of its requests waits up to a second).
    /// </remarks>
    public async ValueTask<string?> FindWorkspaceAsync(string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key) || !key.StartsWith(IngestKeys.Prefix, StringComparison.Ordinal) || key.Length > 100)
        {
            return null;
        }

        var hash = IngestKeys.Hash(key);
        var snapshot = _snapshot;
        var age = time.GetElapsedTime(snapshot.BuiltAt);
        if (snapshot.BuiltAt != long.MinValue && age < MaxAge && snapshot.Keys.TryGetValue(hash, out var workspace))
        {
            return workspace;
        }

        if (snapshot.BuiltAt != long.MinValue && age < MissRefresh)
        {
            await Task.Delay(MissRefresh - age, time, cancellationToken).ConfigureAwait(false);
        }

        snapshot = Rebuild(snapshot);
        return snapshot.Keys.TryGetValue(hash, out workspace) ? workspace : null;
    }

    private Snapshot Rebuild(Snapshot seen)
    {
        lock (_rebuild)
        {
            if (!ReferenceEquals(_snapshot, seen) && time.GetElapsedTime(_snapshot.BuiltAt) < MissRefresh)
            {
                return _snapshot; // another request rebuilt it meanwhile
            }

            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in host.List())
            {
                var folder = Path.Combine(host.Root, name);
                if (!File.Exists(Path.Combine(folder, IngestKeys.FileName)))
                {
                    continue;
                }

                try
                {
                    foreach (var key in IngestKeys.List(folder))
                    {
                        keys.TryAdd(key.Hash, name);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
                {
                    // An unreadable keys file disables that workspace's keys until it can be read again.
                }
            }

            _snapshot = new Snapshot(keys, time.GetTimestamp());
            return _snapshot;
        }
    }

    private sealed record Snapshot(Dictionary<string, string> Keys, long BuiltAt);
}
