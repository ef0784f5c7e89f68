using Journeyscope.Partitions;

namespace Journeyscope.Storage;

/// <summary>
/// The <see cref="PartitionedEventLog"/> of an <see cref="IEventStore"/>, grown in place: <see cref="Refresh"/> reads only
/// the cases changed since the version it holds and replaces only the partitions holding them.
/// </summary>
/// <remarks>
/// Thread-safe; refreshes are serialised and readers of <see cref="Current"/> never wait. The first refresh, an erasure,
/// or a gap in the store's change journal reads everything again. A partition that has collected more than
/// <see cref="MaxSegments"/> small segments (appends, cases split off) is compacted: their cases are read again from the
/// store into segments of <see cref="PartitionedEventLog.SegmentCases"/> cases.
/// </remarks>
public sealed class LiveEventLog
{
    /// <summary>Small segments (under half of <see cref="PartitionedEventLog.SegmentCases"/> cases) a partition may collect before it is compacted.</summary>
    public const int MaxSegments = 16;

    private readonly IEventStore _store;
    private readonly int _partitionCount;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile State? _state;
    private long _fullReads;
    private long _changeReads;

    /// <summary>Follows <paramref name="store"/> with <paramref name="partitionCount"/> partitions.</summary>
    public LiveEventLog(IEventStore store, int partitionCount = CasePartitioner.DefaultPartitionCount)
    {
        ArgumentNullException.ThrowIfNull(store);
        CasePartitioner.Validate(partitionCount);
        _store = store;
        _partitionCount = partitionCount;
    }

    /// <summary>The log as of the last refresh; null before the first.</summary>
    public PartitionedEventLog? Current => _state?.Log;

    /// <summary>How many refreshes read every case (the first one, after an erasure or a journal gap).</summary>
    public long FullReads => Interlocked.Read(ref _fullReads);

    /// <summary>How many refreshes read only the changed cases.</summary>
    public long ChangeReads => Interlocked.Read(ref _changeReads);

    /// <summary>The partitions the last refresh replaced (every partition after a full read).</summary>
    public IReadOnlyList<int> LastChangedPartitions => _state?.Changed ?? [];

    /// <summary>Brings the log up to the store's current version and returns it.</summary>
    public async Task<PartitionedEventLog> RefreshAsync(CancellationToken cancellationToken = default) =>
        (await RefreshWithDeltaAsync(cancellationToken).ConfigureAwait(false)).Log;

    /// <summary>
    /// Brings the log up to the store's current version and returns it with the delta of the last refresh that changed it
    /// (null when that refresh read everything); a running total at the delta's <see cref="PartitionDelta.FromVersion"/>
    /// applies it, any other rebuilds from the log.
    /// </summary>
    public async Task<(PartitionedEventLog Log, PartitionDelta? Delta)> RefreshWithDeltaAsync(CancellationToken cancellationToken = default)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var log = Refresh(cancellationToken);
            return (log, _state!.Delta);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private PartitionedEventLog Refresh(CancellationToken cancellationToken)
    {
        var state = _state;
        if (state is not null && state.Log.Version == _store.Version)
        {
            return state.Log;
        }

        if (state is null || _store.ReadChangesSince(state.Log.Version, state.Identity, cancellationToken) is not { } changes)
        {
            var all = _store.ReadAll(cancellationToken);
            var log = PartitionedEventLog.Create(all.Log, all.CaseKeys, _partitionCount, all.Version);
            _state = new State(log, all.Identity, [.. Enumerable.Range(0, _partitionCount)], null);
            Interlocked.Increment(ref _fullReads);
            return log;
        }

        var added = changes.Added;
        var segment = new EventLogSegment(added.Log, added.CaseKeys);
        var updated = state.Log.Update(changes.RemovedCases, segment, added.Version, out var changed, out var removed);
        updated = Compact(updated, changed, cancellationToken);
        _state = new State(updated, added.Identity, changed, new PartitionDelta(state.Log.Version, updated.Version, removed, segment));
        Interlocked.Increment(ref _changeReads);
        return updated;
    }

    private PartitionedEventLog Compact(PartitionedEventLog log, IReadOnlyList<int> changed, CancellationToken cancellationToken)
    {
        // Every partition due for compaction is compacted from one read (one scan of the store, not one per partition).
        var due = new List<(int Partition, List<EventLogSegment> Large, int Cases)>();
        var ids = new List<string>();
        foreach (var p in changed)
        {
            var partition = log.Partitions[p];
            var small = new List<EventLogSegment>();
            var large = new List<EventLogSegment>();
            foreach (var segment in partition.Segments)
            {
                (segment.Log.CaseCount < PartitionedEventLog.SegmentCases / 2 ? small : large).Add(segment);
            }

            if (small.Count <= MaxSegments)
            {
                continue;
            }

            var cases = 0;
            foreach (var segment in small)
            {
                ids.AddRange(segment.Log.CaseIds);
                cases += segment.Log.CaseCount;
            }

            due.Add((p, large, cases));
        }

        if (due.Count == 0)
        {
            return log;
        }

        var read = _store.ReadCases(ids, cancellationToken);
        if (read.Version != log.Version || read.Log.CaseCount != ids.Count)
        {
            // The store moved on meanwhile: compact at a later refresh.
            return log;
        }

        var split = PartitionedEventLog.Create(read.Log, read.CaseKeys, log.PartitionCount, log.Version);
        foreach (var (p, large, cases) in due)
        {
            var fresh = split.Partitions[p];
            if (fresh.CaseCount != cases)
            {
                continue;
            }

            large.AddRange(fresh.Segments);
            log = log.WithPartition(p, large, log.Partitions[p].Version);
        }

        return log;
    }

    private sealed record State(PartitionedEventLog Log, Identity.IdentityGraph Identity, IReadOnlyList<int> Changed, PartitionDelta? Delta);
}
