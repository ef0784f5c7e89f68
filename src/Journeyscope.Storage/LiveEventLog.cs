using Journeyscope.EventLogs;
using Journeyscope.Partitions;

namespace Journeyscope.Storage;

/// <summary>
/// The <see cref="PartitionedEventLog"/> of an <see cref="IEventStore"/>, grown in place: <see cref="Refresh"/> reads only
/// the events appended since the version it holds, joins them to the cases it holds, and replaces only the partitions
/// holding those cases.
/// </summary>
/// <remarks>
/// Thread-safe; refreshes are serialised and readers of <see cref="Current"/> never wait. The first refresh, an erasure,
/// a gap in the store's change journal or a widened attribute column reads everything again; an identity change the log
/// cannot join in memory (an id moving between customers, two joined journeys with events at one instant) reads the
/// changed cases whole (<see cref="IEventStore.ReadChangesSince"/>). A partition that has collected more than
/// <see cref="MaxSegments"/> small segments (appends, cases split off) is compacted in memory into segments of
/// <see cref="PartitionedEventLog.SegmentCases"/> cases.
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
    private long _appendReads;

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

    /// <summary>
    /// How many of <see cref="ChangeReads"/> read only the events appended since the log's last sequence number and joined
    /// them to the cases held (<see cref="IEventStore.ReadAppendedSince"/>); the others read the changed cases whole.
    /// </summary>
    public long AppendReads => Interlocked.Read(ref _appendReads);

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

        if (state is not null && RefreshAppended(state, cancellationToken) is { } grown)
        {
            return grown;
        }

        if (state is null || _store.ReadChangesSince(state.Log.Version, state.Identity, cancellationToken) is not { } changes)
        {
            return ReadEverything(cancellationToken);
        }

        var added = changes.Added;
        if (Widened(state, added.Log, out var columns))
        {
            return ReadEverything(cancellationToken);
        }

        var segment = new EventLogSegment(added.Log, added.CaseKeys);
        var updated = state.Log.Update(changes.RemovedCases, segment, added.Version, out var changed, out var removed);
        updated = Compact(updated, changed, cancellationToken);
        _state = new State(updated, added.Identity, changed, new PartitionDelta(state.Log.Version, updated.Version, removed, segment), added.LastSeq, columns);
        Interlocked.Increment(ref _changeReads);
        return updated;
    }

    private PartitionedEventLog ReadEverything(CancellationToken cancellationToken)
    {
        var all = _store.ReadAll(cancellationToken);
        var log = PartitionedEventLog.Create(all.Log, all.CaseKeys, _partitionCount, all.Version);
        _state = new State(log, all.Identity, [.. Enumerable.Range(0, _partitionCount)], null, all.LastSeq, Columns(null, all.Log));
        Interlocked.Increment(ref _fullReads);
        return log;
    }

    /// <summary>
    /// The refresh from the events appended since the held log's last sequence number, joined in memory to the cases the
    /// log already holds; null when the store cannot answer this way, or when an identity join would need the store's
    /// order of two events at the same instant (then the caller reads the changed cases whole).
    /// </summary>
    private PartitionedEventLog? RefreshAppended(State state, CancellationToken cancellationToken)
    {
        if (state.LastSeq is not { } mark || _store.ReadAppendedSince(state.Log.Version, mark, state.Identity, cancellationToken) is not { } append)
        {
            return null;
        }

        // Both parts of the answer are read with every column of the store's registry: one check covers them.
        if (Widened(state, append.Appended.Log, out var columns))
        {
            // An attribute column widened since the log was read (every stored value changed type): only a full read is consistent.
            return ReadEverything(cancellationToken);
        }

        // Every named case leaves the log first; its old content comes back with the removal and is joined to its new events.
        var appended = append.Appended;
        var drop = new HashSet<string>(append.RemovedCases, StringComparer.Ordinal);
        drop.UnionWith(appended.Log.CaseIds);
        drop.UnionWith(append.Joined.Keys);
        var without = state.Log.Update(drop, null, append.Version, out var changedBefore, out var removed);
        if (CaseJoin.Join(appended, append.Joined, removed, append.Whole, out var widened) is not { } segment)
        {
            return widened ? ReadEverything(cancellationToken) : null;
        }

        var updated = without.Update(new HashSet<string>(StringComparer.Ordinal), segment, append.Version, out var changedAfter);
        var changed = new SortedSet<int>(changedBefore);
        changed.UnionWith(changedAfter);
        updated = Compact(updated, [.. changed], cancellationToken);
        _state = new State(updated, appended.Identity, [.. changed], new PartitionDelta(state.Log.Version, updated.Version, removed, segment), append.LastSeq, columns);
        Interlocked.Increment(ref _changeReads);
        Interlocked.Increment(ref _appendReads);
        return updated;
    }

    private PartitionedEventLog Compact(PartitionedEventLog log, IReadOnlyList<int> changed, CancellationToken cancellationToken)
    {
        // The small segments of a partition due for compaction are copied into full ones in memory (no read of the store).
        foreach (var p in changed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var partition = log.Partitions[p];
            var small = new List<EventLogSegment>();
            var large = new List<EventLogSegment>();
            foreach (var segment in partition.Segments)
            {
                (segment.Log.CaseCount < PartitionedEventLog.SegmentCases / 2 ? small : large).Add(segment);
            }

            if (small.Count <= MaxSegments || CaseJoin.Concatenate(small) is not { } merged)
            {
                continue;
            }

            var split = PartitionedEventLog.Create(merged.Log, merged.CaseKeys.ToArray(), log.PartitionCount, log.Version);
            large.AddRange(split.Partitions[p].Segments);
            log = log.WithPartition(p, large, partition.Version);
        }

        return log;
    }

    /// <summary>Whether <paramref name="log"/> gives an attribute another type than the held log has; else the columns of both.</summary>
    private static bool Widened(State state, EventLog log, out Dictionary<(bool Case, string Name), AttributeType> columns)
    {
        columns = state.Columns;
        var missing = false;
        foreach (var (scope, list) in new[] { (false, log.EventAttributes), (true, log.CaseAttributes) })
        {
            foreach (var column in list)
            {
                if (!columns.TryGetValue((scope, column.Name), out var type))
                {
                    missing = true;
                }
                else if (type != column.Type)
                {
                    return true;
                }
            }
        }

        if (missing)
        {
            columns = Columns(columns, log);
        }

        return false;
    }

    private static Dictionary<(bool Case, string Name), AttributeType> Columns(Dictionary<(bool Case, string Name), AttributeType>? known, EventLog log)
    {
        var columns = known is null ? [] : new Dictionary<(bool Case, string Name), AttributeType>(known);
        foreach (var column in log.EventAttributes)
        {
            columns.TryAdd((false, column.Name), column.Type);
        }

        foreach (var column in log.CaseAttributes)
        {
            columns.TryAdd((true, column.Name), column.Type);
        }

        return columns;
    }

    private sealed record State(
        PartitionedEventLog Log, Identity.IdentityGraph Identity, IReadOnlyList<int> Changed, PartitionDelta? Delta, long? LastSeq,
        Dictionary<(bool Case, string Name), AttributeType> Columns);
}
