namespace Journeyscope.Partitions;

/// <summary>
/// Map -> merge of one analysis over a <see cref="PartitionedEventLog"/>, keeping what it computed so that after a change
/// only the changed partitions are computed again: <see cref="PartialCache{TPartial}"/>, or a cache made of several
/// (<see cref="Performance.PerformancePartialCache"/> decides a source first).
/// </summary>
/// <typeparam name="TPartial">The analysis's partial.</typeparam>
public interface IPartialCache<out TPartial>
    where TPartial : class
{
    /// <summary>How many segments were mapped (cache misses) since creation.</summary>
    public long SegmentMaps { get; }

    /// <summary>How many partitions were merged from their segments (cache misses) since creation.</summary>
    public long PartitionMerges { get; }

    /// <summary>The merged partial of every case of <paramref name="log"/>, computing only what is not cached.</summary>
    /// <param name="log">The partitioned log.</param>
    /// <param name="maxDegreeOfParallelism">Partitions computed at once; -1 for no limit.</param>
    /// <param name="cancellationToken">Checked once per partition.</param>
    public TPartial Merge(PartitionedEventLog log, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default);
}
