using System.Collections.Concurrent;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Services;

/// <summary>
/// The loaded <see cref="EventLog"/> of each workspace, per workspace version and time basis, and the most recently used
/// filtered logs. An import bumps the workspace version, so the next request loads the log again; older versions are
/// dropped.
/// </summary>
/// <remarks>
/// Thread-safe. Concurrent requests for the same key share one load. A load is not cancelled when the request that
/// started it is (other requests may be waiting for it); each caller stops waiting when its own token is cancelled.
/// Filtered logs are kept in a least-recently-used cache bounded by the measured bytes of their columns
/// (<see cref="EventLogSize"/>; <see cref="JourneyscopeServerOptions.FilteredLogCacheBytes"/>, 1 GiB by default), keyed by
/// workspace, version, time basis and the filters' canonical text.
/// </remarks>
public sealed class EventLogCache
{
    private readonly WorkspaceHost _host;
    private readonly ConcurrentDictionary<Key, Lazy<Task<EventLog>>> _entries = new();
    private readonly SharedLruCache<LogKey, EventLog> _filtered;

    /// <summary>Creates the cache over the workspaces of <paramref name="host"/>, bounded as configured.</summary>
    public EventLogCache(WorkspaceHost host, IOptions<JourneyscopeServerOptions> options)
        : this(host, (options ?? throw new ArgumentNullException(nameof(options))).Value.FilteredLogCacheBytes)
    {
    }

    internal EventLogCache(WorkspaceHost host, long filteredBytesBudget)
    {
        _host = host;
        _filtered = new SharedLruCache<LogKey, EventLog>(filteredBytesBudget, EventLogSize.Estimate);

        // A workspace created later under a renamed or deleted one's name starts again at version 0: its logs must not be found.
        host.Closed += Forget;
    }

    /// <summary>Drops every log cached for <paramref name="workspace"/> (it was renamed or deleted).</summary>
    public void Forget(string workspace)
    {
        foreach (var key in _entries.Keys)
        {
            if (string.Equals(key.Workspace, workspace, StringComparison.Ordinal))
            {
                _entries.TryRemove(key, out _);
            }
        }

        _filtered.RemoveWhere(k => string.Equals(k.Workspace, workspace, StringComparison.Ordinal));
    }

    /// <summary>The current log of <paramref name="workspace"/> in <paramref name="timeBasis"/>, loaded or from the cache.</summary>
    /// <returns>The log and the workspace version it was read at.</returns>
    public async Task<(EventLog Log, long Version)> GetAsync(string workspace, TimeBasis timeBasis, CancellationToken cancellationToken)
    {
        var store = _host.Get(workspace);

        // Memory only (no SQL, no lock): see Workspace.Version.
        var version = await store.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        var log = await GetAsync(new Key(workspace, version, timeBasis), cancellationToken).ConfigureAwait(false);
        return (log, version);
    }

    /// <summary>
    /// The current log of <paramref name="workspace"/> in <paramref name="timeBasis"/> with <paramref name="filters"/>
    /// applied in order: the whole log when there is no filter, otherwise the filtered log, filtered now or from the cache.
    /// </summary>
    public async Task<CachedLog> GetAsync(
        string workspace, TimeBasis timeBasis, IReadOnlyList<LogFilter> filters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var (log, version) = await GetAsync(workspace, timeBasis, cancellationToken).ConfigureAwait(false);
        var key = new LogKey(workspace, version, timeBasis, Normalise(filters));
        if (filters.Count == 0)
        {
            return new CachedLog(log, key);
        }

        _filtered.RemoveWhere(k => string.Equals(k.Workspace, workspace, StringComparison.Ordinal) && k.Version < version);
        var filtered = await _filtered.GetOrAddAsync(key, () => FilterPipeline.Apply(log, filters, CancellationToken.None), cancellationToken)
            .ConfigureAwait(false);
        return new CachedLog(filtered, key);
    }

    /// <summary>The filters' canonical text, in order, one per line (what a filtered log is cached under).</summary>
    public static string Normalise(IReadOnlyList<LogFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        return filters.Count == 0 ? string.Empty : string.Join('\n', filters);
    }

    /// <summary>Number of whole logs currently cached (for diagnostics and tests).</summary>
    public int Count => _entries.Count;

    /// <summary>Number of filtered logs currently cached (for diagnostics and tests).</summary>
    public int FilteredCount => _filtered.Count;

    /// <summary>The measured bytes of the filtered logs currently cached (see <see cref="EventLogSize"/>).</summary>
    public long FilteredBytes => _filtered.Weight;

    /// <summary>How many filtered logs were computed (cache misses), for diagnostics and tests.</summary>
    internal long FilterComputations => _filtered.Computations;

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
            return _host.Get(key.Workspace).LoadEventLog(CancellationToken.None);
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
