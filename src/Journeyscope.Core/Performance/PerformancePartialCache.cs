using Journeyscope.Journeys;
using Journeyscope.Partitions;

namespace Journeyscope.Performance;

/// <summary>
/// Map -> merge of <see cref="PerformancePartial"/> over a <see cref="PartitionedEventLog"/> for one set of options and
/// journey: first the <see cref="ProcessingTimeEvidence"/> of every partition (four flags, cached per segment), which
/// decides the source, then the partials measured under that source, cached per segment and partition version.
/// </summary>
/// <remarks>
/// Thread-safe. When the decided source changes (a partition brings the first start timestamp or lifecycle start), the
/// partials of the old source are dropped and every segment is mapped again, as the whole-log engine would measure every
/// case again.
/// </remarks>
public sealed class PerformancePartialCache : IPartialCache<PerformancePartial>
{
    private readonly ValueStreamOptions _options;
    private readonly DesignedJourney? _journey;
    private readonly PartialCache<ProcessingTimeEvidence> _evidence = new(ProcessingTimeEvidence.Map, ProcessingTimeEvidence.Merge);
    private readonly Lock _switch = new();
    private (ProcessingTimeSource Source, PartialCache<PerformancePartial> Cache)? _partials;
    private long _earlierMaps;
    private long _earlierMerges;

    internal PerformancePartialCache(ValueStreamOptions options, DesignedJourney? journey)
    {
        _options = options;
        _journey = journey;
    }

    /// <summary>How many segments were mapped into performance partials (cache misses) since creation.</summary>
    public long SegmentMaps
    {
        get
        {
            lock (_switch)
            {
                return _earlierMaps + (_partials?.Cache.SegmentMaps ?? 0);
            }
        }
    }

    /// <summary>How many partitions' performance partials were merged from their segments (cache misses) since creation.</summary>
    public long PartitionMerges
    {
        get
        {
            lock (_switch)
            {
                return _earlierMerges + (_partials?.Cache.PartitionMerges ?? 0);
            }
        }
    }

    /// <summary>The merged partial of every case of <paramref name="log"/>, computing only what is not cached.</summary>
    /// <param name="log">The partitioned log.</param>
    /// <param name="maxDegreeOfParallelism">Partitions computed at once; -1 for no limit.</param>
    /// <param name="cancellationToken">Checked once per partition.</param>
    /// <exception cref="ArgumentException">The options force a source the log cannot provide.</exception>
    public PerformancePartial Merge(PartitionedEventLog log, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var source = _evidence.Merge(log, maxDegreeOfParallelism, cancellationToken).Resolve(_options);
        PartialCache<PerformancePartial> cache;
        lock (_switch)
        {
            if (_partials is not { } current || current.Source != source)
            {
                _earlierMaps += _partials?.Cache.SegmentMaps ?? 0;
                _earlierMerges += _partials?.Cache.PartitionMerges ?? 0;
                var options = _options;
                var journey = _journey;
                _partials = (source, new PartialCache<PerformancePartial>(
                    segment => PerformancePartial.Map(segment, source, options, journey), PerformancePartial.Merge));
            }

            cache = _partials.Value.Cache;
        }

        return cache.Merge(log, maxDegreeOfParallelism, cancellationToken);
    }
}
