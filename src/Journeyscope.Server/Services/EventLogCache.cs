using System.Collections.Concurrent;
using Journeyscope.EventLogs;

namespace Journeyscope.Server.Services;

/// <summary>
/// The loaded <see cref="EventLog"/> of each workspace, per workspace version and time basis. An import bumps the
/// workspace version, so the next request loads the log again; older versions are dropped.
/// </summary>
/// <remarks>
/// Thread-safe. Concurrent requests for the same key share one load. A load is not cancelled when the request that
/// started it is (other requests may be waiting for it); each caller stops waiting when its own token is cancelled.
/// </remarks>
public sealed class EventLogCache(WorkspaceHost host)
{
    private readonly ConcurrentDictionary<Key, Lazy<Task<EventLog>>> _entries = new();

    /// <summary>The current log of <paramref name="workspace"/> in <paramref name="timeBasis"/>, loaded or from the cache.</summary>
    /// <returns>The log and the workspace version it was read at.</returns>
    public async Task<(EventLog Log, long Version)> GetAsync(string workspace, TimeBasis timeBasis, CancellationToken cancellationToken)
    {
        var store = host.Get(workspace);
        var version = store.Version;
        var log = await GetAsync(new Key(workspace, version, timeBasis), cancellationToken).ConfigureAwait(false);
        return (log, version);
    }

    /// <summary>Number of logs currently cached (for diagnostics and tests).</summary>
    public int Count => _entries.Count;

    private async Task<EventLog> GetAsync(Key key, CancellationToken cancellationToken)
    {
        var lazy = _entries.GetOrAdd(key, k => new Lazy<Task<EventLog>>(() => Task.Run(() => Load(k))));
        if (!lazy.IsValueCreated)
        {
            Evict(key);
        }

        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _entries.TryRemove(new KeyValuePair<Key, Lazy<Task<EventLog>>>(key, lazy));
            throw;
        }
    }

    private async Task<EventLog> Load(Key key)
    {
        if (key.TimeBasis == TimeBasis.Utc)
        {
            return host.Get(key.Workspace).LoadEventLog(CancellationToken.None);
        }

        // Other time bases derive from the UTC log, which is then cached too.
        var utc = await GetAsync(key with { TimeBasis = TimeBasis.Utc }, CancellationToken.None).ConfigureAwait(false);
        return utc.ToTimeBasis(key.TimeBasis);
    }

    /// <summary>Drops the entries of older versions of the same workspace.</summary>
    private void Evict(Key current)
    {
        foreach (var key in _entries.Keys)
        {
            if (string.Equals(key.Workspace, current.Workspace, StringComparison.Ordinal) && key.Version < current.Version)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private readonly record struct Key(string Workspace, long Version, TimeBasis TimeBasis);
}
