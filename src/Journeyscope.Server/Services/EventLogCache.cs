using System.Collections.Concurrent;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Partitions;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Services;

/// <summary>
/// The loaded <see cref="EventLog"/> of each workspace, per workspace version and time basis, and the most recently used
/// filtered logs. An import or a collector commit bumps the workspace version, so the next request gets the log again;
/// older versions are dropped.
/// </summary>
/// <remarks>
/// Where the log of a new version comes from: a workspace that <see cref="LiveLogCache"/> follows, or one that changed
/// while a log of an older version was held here (someone is looking at a workspace that grows), is followed by the live
/// log, which re-reads only the changed cases; the whole log is then assembled in memory from its partitions
/// (<see cref="WholeEventLog"/>, several times cheaper than a read of every event: docs/benchmarks.md). Any other
/// workspace is read from its store. Nothing is read when nobody asks.
/// Thread-safe. Concurrent requests for the same key share one load. A load is not cancelled when the request that
/// started it is (other requests may be waiting for it); each caller stops waiting when its own token is cancelled.
/// Filtered logs are kept in a least-recently-used cache bounded by the measured bytes of their columns
/// (<see cref="EventLogSize"/>; <see cref="JourneyscopeServerOptions.FilteredLogCacheBytes"/>, 1 GiB by default), keyed by
/// workspace, version, time basis and the filters' canonical text.
/// </remarks>
public sealed class EventLogCache
{
    private readonly WorkspaceHost _host;
    private readonly LiveLogCache? _live;
    private readonly ConcurrentDictionary<Key, Lazy<Task<EventLog>>> _entries = new();
    private readonly SharedLruCache<LogKey, EventLog> _filtered;
    private long _storeReads;
    private long _assemblies;

    /// <summary>Creates the cache over the workspaces of <paramref name="host"/>, bounded as configured.</summary>
    public EventLogCache(WorkspaceHost host, IOptions<JourneyscopeServerOptions> options, LiveLogCache live)
        : this(host, (options ?? throw new ArgumentNullException(nameof(options))).Value.FilteredLogCacheBytes, live)
    {
    }

    internal EventLogCache(WorkspaceHost host, long filteredBytesBudget, LiveLogCache? live = null)
    {
        _host = host;
        _live = live;
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
        var key = new Key(workspace, version, timeBasis);
        if (!_entries.ContainsKey(key) && await LiveLogAsync(workspace, version, cancellationToken).ConfigureAwait(false) is { } live)
        {
            var at = key with { Version = live.Version };
            return (await GetAsync(at, live, cancellationToken).ConfigureAwait(false), live.Version);
        }

        return (await GetAsync(key, null, cancellationToken).ConfigureAwait(false), version);
    }

    /// <summary>
    /// The partitioned log of <paramref name="workspace"/> when it should give the whole log: the live log follows the
    /// workspace, or the workspace changed while a log of an older version is held here (it is followed from then on).
    /// </summary>
    private async Task<PartitionedEventLog?> LiveLogAsync(string workspace, long version, CancellationToken cancellationToken)
    {
        if (_live is null)
        {
            return null;
        }

        if (_live.Follows(workspace))
        {
            return (await _live.GetIfFollowedAsync(workspace, cancellationToken).ConfigureAwait(false))?.Log;
        }

        foreach (var key in _entries.Keys)
        {
            if (string.Equals(key.Workspace, workspace, StringComparison.Ordinal) && key.Version < version)
            {
                return (await _live.FollowAsync(workspace, cancellationToken).ConfigureAwait(false)).Log;
            }
        }

        return null;
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

    /// <summary>How many whole logs were read from a workspace store (every event), for diagnostics and tests.</summary>
    internal long StoreReads => Interlocked.Read(ref _storeReads);

    /// <summary>How many whole logs were assembled in memory from the live partitioned log, for diagnostics and tests.</summary>
    internal long Assemblies => Interlocked.Read(ref _assemblies);

    /// <summary>The log of <paramref name="key"/>, loaded once: from <paramref name="live"/> when given (at the key's version), else from the store.</summary>
    private async Task<EventLog> GetAsync(Key key, PartitionedEventLog? live, CancellationToken cancellationToken)
    {
        var lazy = _entries.GetOrAdd(key, k => new Lazy<Task<EventLog>>(() => Task.Run(() => Load(k, live))));
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

    private async Task<EventLog> Load(Key key, PartitionedEventLog? live)
    {
        if (key.TimeBasis == TimeBasis.Utc)
        {
            if (live is not null)
            {
                // Numbered as a store read numbers them: analyses break ties by activity code.
                var order = _host.Get(key.Workspace).ReadActivityOrder(CancellationToken.None);
                Interlocked.Increment(ref _assemblies);
                return WholeEventLog.Of(live, order, CancellationToken.None);
            }

            Interlocked.Increment(ref _storeReads);
            return _host.Get(key.Workspace).LoadEventLog(CancellationToken.None);
        }

        // Other time bases derive from the UTC log, which is then cached too.
        var utc = await GetAsync(key with { TimeBasis = TimeBasis.Utc }, live, CancellationToken.None).ConfigureAwait(false);
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
