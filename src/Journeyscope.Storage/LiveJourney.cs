using Journeyscope.Partitions;

namespace Journeyscope.Storage;

/// <summary>
/// The live analyses of an <see cref="IEventStore"/>: its <see cref="LiveEventLog"/> and the running totals over it
/// (<see cref="JourneyTotals"/>), refreshed by applying each change as a delta, so a refresh after an append costs in
/// proportion to the cases the append touched, not to the log.
/// </summary>
/// <remarks>
/// Thread-safe: refreshes are serialised. The totals are built from the whole partitioned log on the first refresh, after
/// a full read (an erasure, an unknown change, a gap in the change journal) or when a delta does not fit them; every other
/// refresh subtracts the touched cases' old partial and adds their new one. The snapshot is cached per version.
/// </remarks>
public sealed class LiveJourney
{
    private readonly LiveEventLog _live;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private JourneyTotals? _totals;
    private long _version = -1;
    private (int Examples, JourneySnapshot Snapshot)? _snapshot;
    private long _rebuilds;
    private long _deltas;

    /// <summary>Follows <paramref name="store"/> with <paramref name="partitionCount"/> partitions.</summary>
    public LiveJourney(IEventStore store, int partitionCount = CasePartitioner.DefaultPartitionCount)
    {
        _live = new LiveEventLog(store, partitionCount);
    }

    /// <summary>The partitioned log followed.</summary>
    public LiveEventLog Log => _live;

    /// <summary>How many refreshes built the totals from the whole log.</summary>
    public long Rebuilds => Interlocked.Read(ref _rebuilds);

    /// <summary>How many refreshes applied a delta to the totals.</summary>
    public long Deltas => Interlocked.Read(ref _deltas);

    /// <summary>
    /// Brings the log and the totals up to the store's current version; returns the snapshot and, when
    /// <paramref name="conformance"/> is given, the conformance of the same cases (only new variants aligned).
    /// </summary>
    /// <param name="conformance">The per-variant alignment cache of the model to check against, or null.</param>
    /// <param name="exampleCasesPerVariant">How many example case ids each variant lists.</param>
    /// <param name="cancellationToken">Cancels the refresh (the totals then stay at the version they had).</param>
    public async Task<LiveJourneyView> RefreshAsync(
        VariantConformance? conformance = null, int exampleCasesPerVariant = 3, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exampleCasesPerVariant);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (log, delta) = await _live.RefreshWithDeltaAsync(cancellationToken).ConfigureAwait(false);
            var totals = Follow(log, delta, cancellationToken);
            if (_snapshot is not { } cached || cached.Examples != exampleCasesPerVariant)
            {
                cached = (exampleCasesPerVariant, totals.Finish(exampleCasesPerVariant));
                _snapshot = cached;
            }

            var check = conformance?.Check(totals, cancellationToken);
            return new LiveJourneyView(log, cached.Snapshot, check, _live.LastChangedPartitions);
        }
        finally
        {
            _gate.Release();
        }
    }

    private JourneyTotals Follow(PartitionedEventLog log, PartitionDelta? delta, CancellationToken cancellationToken)
    {
        if (_totals is { } totals && _version == log.Version)
        {
            return totals;
        }

        _snapshot = null;
        if (_totals is not null && delta is not null && delta.FromVersion == _version && delta.ToVersion == log.Version)
        {
            var removed = delta.RemovedPartial();
            var added = delta.AddedPartial();
            try
            {
                _totals.Apply(removed, added);
                _version = log.Version;
                Interlocked.Increment(ref _deltas);
                return _totals;
            }
            catch (InvalidOperationException)
            {
                // The delta does not fit the totals (they are now unusable): build them again from the log.
                _totals = null;
            }
        }

        _totals = null;
        _totals = JourneyTotals.Of(new PartitionedAnalysis().Merge(log, -1, cancellationToken));
        _version = log.Version;
        Interlocked.Increment(ref _rebuilds);
        return _totals;
    }
}
