using System.Collections.Concurrent;

namespace Journeyscope.Partitions;

/// <summary>
/// Map -> merge over a <see cref="PartitionedEventLog"/> for one analysis: keeps each segment's partial (by segment id) and
/// each partition's merged partial (by partition index and version), so that after an append only the touched partitions
/// are mapped and merged again. The analysis's own finish turns the result into its record.
/// </summary>
/// <typeparam name="TPartial">The analysis's partial; treated as immutable once mapped or merged.</typeparam>
/// <remarks>
/// Thread-safe. Entries of segments and partition versions no longer in the last log given are dropped, so the memory held
/// is that of one log's partials. <paramref name="merge"/> must not change its inputs (they stay cached). The whole log's
/// partial is kept for the last set of partition partials: requests at one log version combine once and get the same
/// instance, so a caller may key what it finishes from it by reference.
/// </remarks>
/// <param name="map">The partial of a segment's cases.</param>
/// <param name="merge">One partial of several (any count, zero included); its result must not depend on how cases were split.</param>
/// <param name="combine">
/// One partial of the partitions' merged partials, for the whole log; <paramref name="merge"/> when null. An analysis whose
/// merge copies (sorts, concatenates) can combine without copying, so the whole-log step costs O(partitions), not O(log):
/// each partition's partial is merged once per partition version, the combination on every call.
/// </param>
public sealed class PartialCache<TPartial>(
    Func<EventLogSegment, TPartial> map, Func<IReadOnlyList<TPartial>, TPartial> merge, Func<IReadOnlyList<TPartial>, TPartial>? combine = null)
    : IPartialCache<TPartial>
    where TPartial : class
{
    private readonly Func<EventLogSegment, TPartial> _map = map ?? throw new ArgumentNullException(nameof(map));
    private readonly Func<IReadOnlyList<TPartial>, TPartial> _merge = merge ?? throw new ArgumentNullException(nameof(merge));
    private readonly Func<IReadOnlyList<TPartial>, TPartial> _combine = combine ?? merge;
    private readonly ConcurrentDictionary<long, TPartial> _segments = new();
    private readonly ConcurrentDictionary<(int Index, long Version), TPartial> _partitions = new();
    private readonly Lock _prune = new();
    private Combined? _last;
    private long _segmentMaps;
    private long _partitionMerges;

    /// <inheritdoc />
    public long SegmentMaps => Interlocked.Read(ref _segmentMaps);

    /// <inheritdoc />
    public long PartitionMerges => Interlocked.Read(ref _partitionMerges);

    /// <inheritdoc />
    public TPartial Merge(PartitionedEventLog log, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var partitions = log.Partitions;
        var merged = new TPartial[partitions.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, partitions.Count, parallel, p => merged[p] = PartitionPartial(partitions[p]));
        // The same partition partials as last time: the same log, already pruned and combined.
        if (Volatile.Read(ref _last) is { } last && Same(last.Parts, merged))
        {
            return last.Whole;
        }

        Prune(log);
        var whole = _combine(merged);
        Volatile.Write(ref _last, new Combined(merged, whole));
        return whole;
    }

    private static bool Same(TPartial[] earlier, TPartial[] now)
    {
        if (earlier.Length != now.Length)
        {
            return false;
        }

        for (var p = 0; p < now.Length; p++)
        {
            if (!ReferenceEquals(earlier[p], now[p]))
            {
                return false;
            }
        }

        return true;
    }

    private TPartial PartitionPartial(EventLogPartition partition)
    {
        if (_partitions.TryGetValue((partition.Index, partition.Version), out var cached))
        {
            return cached;
        }

        var parts = new TPartial[partition.Segments.Count];
        for (var s = 0; s < parts.Length; s++)
        {
            var segment = partition.Segments[s];
            if (!_segments.TryGetValue(segment.Id, out var part))
            {
                part = _map(segment);
                _segments[segment.Id] = part;
                Interlocked.Increment(ref _segmentMaps);
            }

            parts[s] = part;
        }

        var merged = _merge(parts);
        _partitions[(partition.Index, partition.Version)] = merged;
        Interlocked.Increment(ref _partitionMerges);
        return merged;
    }

    private void Prune(PartitionedEventLog log)
    {
        lock (_prune)
        {
            var live = new HashSet<long>();
            var versions = new HashSet<(int, long)>();
            foreach (var partition in log.Partitions)
            {
                versions.Add((partition.Index, partition.Version));
                foreach (var segment in partition.Segments)
                {
                    live.Add(segment.Id);
                }
            }

            foreach (var id in _segments.Keys)
            {
                if (!live.Contains(id))
                {
                    _segments.TryRemove(id, out _);
                }
            }

            foreach (var key in _partitions.Keys)
            {
                if (!versions.Contains(key))
                {
                    _partitions.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>The partition partials of the last merge and the whole log's partial combined from them.</summary>
    private sealed record Combined(TPartial[] Parts, TPartial Whole);
}
