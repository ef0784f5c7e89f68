using System.Collections.Concurrent;
using Journeyscope.Partitions;
using Journeyscope.Storage;

namespace Journeyscope.Server.Services;

/// <summary>
/// Per workspace, its event log partitioned by case hash and grown in place, with the running totals of the live analyses
/// (<see cref="LiveJourney"/>: each change applied as a delta). A change notification
/// (the collector's commits, API imports: <see cref="WorkspaceHost.Changed"/>) refreshes a followed workspace in the
/// background, re-reading and re-analysing only the partitions holding changed cases.
/// </summary>
/// <remarks>
/// Thread-safe. A workspace is followed from the first request for it; renaming, deleting or erasing from it forgets it.
/// Refreshes of one workspace are serialised; a failed background refresh is logged and retried by the next request.
/// Analyses with parameters (funnels, the voice of the customer, throughput, performance, bottlenecks, journey
/// conformance, journey KPIs and the KPI tree) are answered from the partitioned log through
/// <see cref="Answer"/>: an <see cref="IPartialCache{TPartial}"/> per parameter set, at most <see cref="PartialCapacity"/> per
/// workspace, dropped with the workspace (docs/web.md#which-path-answers-what-live-workspaces).
/// </remarks>
public sealed class LiveLogCache
{
    private readonly WorkspaceHost _host;
    private readonly ILogger<LiveLogCache> _logger;
    private readonly ConcurrentDictionary<string, Follower> _followers = new(StringComparer.Ordinal);
    private long _partialAnswers;
    private long _partialPartitionMerges;
    private long _partialSegmentMaps;
    private long _partialFinishes;

    /// <summary>Creates the cache over the workspaces of <paramref name="host"/>.</summary>
    public LiveLogCache(WorkspaceHost host, ILogger<LiveLogCache> logger)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
        _logger = logger;
        host.Changed += OnChanged;
        host.Closed += Forget;
    }

    /// <summary>Partitions of each workspace's log.</summary>
    public int PartitionCount { get; init; } = CasePartitioner.DefaultPartitionCount;

    /// <summary>Most parameter sets (partial caches) kept per followed workspace; the least recently used is dropped beyond.</summary>
    public int PartialCapacity { get; init; } = 8;

    /// <summary>How many requests were answered from partials (<see cref="Answer"/>), for diagnostics and tests.</summary>
    internal long PartialAnswers => Interlocked.Read(ref _partialAnswers);

    /// <summary>How many partitions the partial caches merged again (a partition changed, or a cache was new), for diagnostics and tests.</summary>
    internal long PartialPartitionMerges => Interlocked.Read(ref _partialPartitionMerges);

    /// <summary>How many segments the partial caches mapped, for diagnostics and tests.</summary>
    internal long PartialSegmentMaps => Interlocked.Read(ref _partialSegmentMaps);

    /// <summary>How many answers were finished from a merged partial (not kept from an earlier request at the same version), for diagnostics and tests.</summary>
    internal long PartialFinishes => Interlocked.Read(ref _partialFinishes);

    /// <summary>Number of partial caches held for <paramref name="workspace"/> (0 when it is not followed).</summary>
    internal int PartialCaches(string workspace) => _followers.TryGetValue(workspace, out var follower) ? follower.Partials.Count : 0;

    /// <summary>Drops what is held for <paramref name="workspace"/> (it was renamed, deleted or had a customer erased).</summary>
    public void Forget(string workspace) => _followers.TryRemove(workspace, out _);

    /// <summary>The live snapshot of <paramref name="workspace"/> at its current version.</summary>
    public async Task<LiveSnapshot> GetAsync(string workspace, CancellationToken cancellationToken) =>
        (await FollowAsync(workspace, cancellationToken).ConfigureAwait(false)).Snapshot;

    /// <summary>Whether <paramref name="workspace"/> is followed (its partitioned log is held and grown in place).</summary>
    public bool Follows(string workspace) => _followers.ContainsKey(workspace);

    /// <summary>
    /// The live snapshot of <paramref name="workspace"/> and its partitioned log, both at its current version; null when the
    /// workspace is not followed (nothing is read then).
    /// </summary>
    public async Task<(LiveSnapshot Snapshot, PartitionedEventLog Log)?> GetIfFollowedAsync(string workspace, CancellationToken cancellationToken)
    {
        if (!_followers.TryGetValue(workspace, out var follower))
        {
            return null;
        }

        return await follower.RefreshWithLogAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="answer"/> over <paramref name="log"/> (the partitioned log of <paramref name="workspace"/>, from
    /// <see cref="GetIfFollowedAsync"/>): the cache of the answer's parameter set maps and merges only the segments and
    /// partitions it has not seen, then the answer finishes, unless an earlier request finished it from the same partial
    /// at the same version (<see cref="LiveFinishes"/>). Null when the workspace is no longer followed.
    /// </summary>
    /// <remarks>CPU-bound and synchronous: run it off the request thread.</remarks>
    internal TResult? Answer<TPartial, TResult>(
        string workspace, PartitionedEventLog log, LivePartialAnswer<TPartial, TResult> answer, CancellationToken cancellationToken)
        where TPartial : class
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(answer);
        if (!_followers.TryGetValue(workspace, out var follower))
        {
            return null;
        }

        var (cache, finishes) = follower.Partials.Get(answer.Key, answer.Cache);
        var (merges, maps) = (cache.PartitionMerges, cache.SegmentMaps);
        var partial = cache.Merge(log, -1, cancellationToken);
        Interlocked.Add(ref _partialPartitionMerges, cache.PartitionMerges - merges);
        Interlocked.Add(ref _partialSegmentMaps, cache.SegmentMaps - maps);
        Interlocked.Increment(ref _partialAnswers);
        var result = finishes.GetOrFinish(partial, log.Version, answer.Finishing, () => answer.Finish(partial, log), out var finished);
        if (finished)
        {
            Interlocked.Increment(ref _partialFinishes);
        }

        return result;
    }

    /// <summary>
    /// The live snapshot of <paramref name="workspace"/> and its partitioned log, both at its current version; the workspace
    /// is followed from now on (the first call reads every case).
    /// </summary>
    public async Task<(LiveSnapshot Snapshot, PartitionedEventLog Log)> FollowAsync(string workspace, CancellationToken cancellationToken)
    {
        var follower = _followers.GetOrAdd(workspace, name => new Follower(new LiveJourney(_host.Get(name), PartitionCount), PartialCapacity));
        return await follower.RefreshWithLogAsync(cancellationToken).ConfigureAwait(false);
    }

    private void OnChanged(string workspace)
    {
        if (!_followers.TryGetValue(workspace, out var follower))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await follower.RefreshAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WorkspaceException or ObjectDisposedException or InvalidOperationException)
            {
                _logger.LogWarning(e, "Workspace {Workspace}: the live log could not be refreshed; the next request retries.", workspace);
            }
        });
    }

    private sealed class Follower(LiveJourney live, int partialCapacity)
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private LiveSnapshot? _last;

        /// <summary>The partial caches of the workspace's parameterised answers.</summary>
        public LivePartials Partials { get; } = new(partialCapacity);

        public async Task<LiveSnapshot> RefreshAsync(CancellationToken cancellationToken) =>
            (await RefreshWithLogAsync(cancellationToken).ConfigureAwait(false)).Snapshot;

        public async Task<(LiveSnapshot Snapshot, PartitionedEventLog Log)> RefreshWithLogAsync(CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var view = await live.RefreshAsync(null, 3, cancellationToken).ConfigureAwait(false);
                if (_last is { } last && last.Version == view.Version)
                {
                    return (last, view.Log);
                }

                var changed = _last is null ? [.. Enumerable.Range(0, view.Log.PartitionCount)] : view.ChangedPartitions;
                _last = new LiveSnapshot(view.Version, view.Log.PartitionCount, changed, view.Snapshot);
                return (_last, view.Log);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
