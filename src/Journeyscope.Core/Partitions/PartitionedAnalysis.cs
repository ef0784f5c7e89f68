using Journeyscope.Performance;

namespace Journeyscope.Partitions;

/// <summary>
/// Runs the live analyses over a <see cref="PartitionedEventLog"/> as map -> merge -> finish, keeping each segment's
/// partial (by segment id) and each partition's merged partial (by partition index and version), so that after an
/// append only the touched partitions are mapped and merged again.
/// </summary>
/// <remarks>
/// Thread-safe. Entries of segments and partition versions no longer in the last log given are dropped, so the memory
/// held is that of one log's partials. The result equals <see cref="JourneyPartial.Map"/> of the whole log, finished.
/// Analyses with parameters of their own (a funnel's definition, VoC options) keep a <see cref="PartialCache{TPartial}"/>
/// per parameter set; throughput (its partial serves every granularity) is kept here.
/// </remarks>
public sealed class PartitionedAnalysis
{
    private readonly PartialCache<JourneyPartial> _journey = new(JourneyPartial.Map, JourneyPartial.Merge);
    private readonly PartialCache<ThroughputPartial> _throughput = new(ThroughputPartial.Map, ThroughputPartial.Merge);

    /// <summary>How many segments were mapped (partial cache misses) since creation.</summary>
    public long SegmentMaps => _journey.SegmentMaps;

    /// <summary>How many partitions were merged from their segments (partition cache misses) since creation.</summary>
    public long PartitionMerges => _journey.PartitionMerges;

    /// <summary>The merged partial of every case of <paramref name="log"/>, computing only what is not cached.</summary>
    /// <param name="log">The partitioned log.</param>
    /// <param name="maxDegreeOfParallelism">Partitions computed at once; -1 for no limit.</param>
    /// <param name="cancellationToken">Checked once per partition.</param>
    public JourneyPartial Merge(PartitionedEventLog log, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default) =>
        _journey.Merge(log, maxDegreeOfParallelism, cancellationToken);

    /// <summary>The snapshot of <paramref name="log"/>: <see cref="Merge"/>, then <see cref="JourneyPartial.Finish"/>.</summary>
    public JourneySnapshot Snapshot(PartitionedEventLog log, int exampleCasesPerVariant = 3, CancellationToken cancellationToken = default) =>
        Merge(log, -1, cancellationToken).Finish(exampleCasesPerVariant);

    /// <summary>
    /// Throughput of <paramref name="log"/> per <paramref name="granularity"/>, mapping only segments not seen before:
    /// equal to <see cref="Performance.Throughput.Analyze"/> of the whole log.
    /// </summary>
    public ThroughputResult Throughput(PartitionedEventLog log, Granularity granularity = Granularity.Day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        return _throughput.Merge(log, -1, cancellationToken).Finish(granularity);
    }
}
