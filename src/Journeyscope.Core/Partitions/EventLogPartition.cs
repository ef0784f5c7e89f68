namespace Journeyscope.Partitions;

/// <summary>
/// One partition of a <see cref="PartitionedEventLog"/>: the cases whose id hashes to <see cref="Index"/>, held as immutable
/// segments, with a version of its own that changes only when its cases change.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EventLogPartition
{
    /// <summary>Creates partition <paramref name="index"/> at <paramref name="version"/> over <paramref name="segments"/>.</summary>
    public EventLogPartition(int index, long version, IReadOnlyList<EventLogSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Index = index;
        Version = version;
        Segments = segments;
        foreach (var segment in segments)
        {
            CaseCount += segment.Log.CaseCount;
            EventCount += segment.Log.EventCount;
        }
    }

    /// <summary>The partition number (see <see cref="CasePartitioner.PartitionOf"/>).</summary>
    public int Index { get; }

    /// <summary>The store version at which this partition last changed.</summary>
    public long Version { get; }

    /// <summary>The segments holding the partition's cases; every case is in exactly one.</summary>
    public IReadOnlyList<EventLogSegment> Segments { get; }

    /// <summary>Number of cases in the partition.</summary>
    public int CaseCount { get; }

    /// <summary>Number of events in the partition.</summary>
    public long EventCount { get; }
}
