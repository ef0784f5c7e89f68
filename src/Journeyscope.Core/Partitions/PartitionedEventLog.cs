using Journeyscope.EventLogs;

namespace Journeyscope.Partitions;

/// <summary>
/// An event log split by a stable hash of the case id (<see cref="CasePartitioner"/>) into partitions that are immutable
/// and versioned on their own, so that an append or an identity merge replaces only the partitions it touches.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: <see cref="Update(IReadOnlySet{string}, EventLogSegment?, long, out IReadOnlyList{int})"/> returns a new instance that shares every untouched partition (and every
/// untouched segment of a touched one) with this one. Analyses run as map (per segment) -> merge -> finish over
/// partitions (see <see cref="PartitionedAnalysis"/>), and their results equal those over the whole log.
/// </remarks>
public sealed class PartitionedEventLog
{
    /// <summary>
    /// Most cases per segment when a log is split: removing a case (an append to it, an identity merge) copies and
    /// re-analyses only its segment, so small segments keep a live append's work proportional to the cases it touches.
    /// </summary>
    public const int SegmentCases = 64;

    private readonly EventLogPartition[] _partitions;

    private PartitionedEventLog(EventLogPartition[] partitions, long version)
    {
        _partitions = partitions;
        Version = version;
    }

    /// <summary>The store version this log reflects.</summary>
    public long Version { get; }

    /// <summary>The partitions, by index.</summary>
    public IReadOnlyList<EventLogPartition> Partitions => _partitions;

    /// <summary>Number of partitions.</summary>
    public int PartitionCount => _partitions.Length;

    /// <summary>Number of cases in all partitions.</summary>
    public long CaseCount
    {
        get
        {
            long total = 0;
            foreach (var partition in _partitions)
            {
                total += partition.CaseCount;
            }

            return total;
        }
    }

    /// <summary>Number of events in all partitions.</summary>
    public long EventCount
    {
        get
        {
            long total = 0;
            foreach (var partition in _partitions)
            {
                total += partition.EventCount;
            }

            return total;
        }
    }

    /// <summary>Splits <paramref name="log"/> into <paramref name="partitionCount"/> partitions, in segments of at most <see cref="SegmentCases"/> cases.</summary>
    /// <param name="log">The whole log.</param>
    /// <param name="caseKeys">Per case, its position in the global case order; null numbers the cases 0, 1, 2...</param>
    /// <param name="partitionCount">Number of partitions (1 to <see cref="CasePartitioner.MaxPartitionCount"/>).</param>
    /// <param name="version">The store version the log was read at.</param>
    public static PartitionedEventLog Create(EventLog log, long[]? caseKeys, int partitionCount, long version)
    {
        ArgumentNullException.ThrowIfNull(log);
        CasePartitioner.Validate(partitionCount);
        caseKeys ??= Sequence(log.CaseCount);
        if (caseKeys.Length != log.CaseCount)
        {
            throw new ArgumentException("One key per case.", nameof(caseKeys));
        }

        var split = Split(log, caseKeys, partitionCount);
        var partitions = new EventLogPartition[partitionCount];
        for (var p = 0; p < partitionCount; p++)
        {
            partitions[p] = new EventLogPartition(p, version, split[p] ?? []);
        }

        return new PartitionedEventLog(partitions, version);
    }

    /// <summary>
    /// The log at <paramref name="version"/>: the cases named in <paramref name="removedCases"/> are dropped, then the cases
    /// of <paramref name="added"/> are added (a case both removed and added is replaced). Only partitions holding a
    /// removed or added case get a new partition and version; the others are shared with this log.
    /// </summary>
    /// <param name="removedCases">Case ids to drop (ids that are not present are ignored).</param>
    /// <param name="added">The new or replaced cases, whole; the caller removes every one of them that was present (not checked).</param>
    /// <param name="version">The store version after the change.</param>
    /// <param name="changed">The indices of the partitions that changed, ascending.</param>
    public PartitionedEventLog Update(IReadOnlySet<string> removedCases, EventLogSegment? added, long version, out IReadOnlyList<int> changed) =>
        Update(removedCases, added, version, out changed, out _);

    /// <summary>
    /// As <see cref="Update(IReadOnlySet{string}, EventLogSegment?, long, out IReadOnlyList{int})"/>, and in
    /// <paramref name="removed"/> the dropped cases as they were in this log: with <paramref name="added"/>, the delta a
    /// running total (<see cref="JourneyTotals"/>) applies instead of merging every partition again.
    /// </summary>
    public PartitionedEventLog Update(
        IReadOnlySet<string> removedCases, EventLogSegment? added, long version, out IReadOnlyList<int> changed, out IReadOnlyList<EventLogSegment> removed)
    {
        ArgumentNullException.ThrowIfNull(removedCases);
        var count = _partitions.Length;
        var removedBy = new HashSet<string>?[count];
        foreach (var id in removedCases)
        {
            (removedBy[CasePartitioner.PartitionOf(id, count)] ??= new HashSet<string>(StringComparer.Ordinal)).Add(id);
        }

        var addedBy = added is null ? new List<EventLogSegment>?[count] : Split(added.Log, added.CaseKeys.ToArray(), count);
        var partitions = (EventLogPartition[])_partitions.Clone();
        var touched = new List<int>();
        var dropped = new List<EventLogSegment>();
        for (var p = 0; p < count; p++)
        {
            if (removedBy[p] is null && addedBy[p] is null)
            {
                continue;
            }

            var segments = new List<EventLogSegment>(_partitions[p].Segments.Count + 1);
            var named = removedBy[p];
            foreach (var segment in _partitions[p].Segments)
            {
                if (named is null)
                {
                    segments.Add(segment);
                    continue;
                }

                if (segment.Without(named, out var gone) is { } kept)
                {
                    segments.Add(kept);
                }

                if (gone is not null)
                {
                    dropped.Add(gone);
                }
            }

            if (addedBy[p] is { } fresh)
            {
                segments.AddRange(fresh);
            }

            partitions[p] = new EventLogPartition(p, version, segments);
            touched.Add(p);
        }

        changed = touched;
        removed = dropped;
        return new PartitionedEventLog(partitions, version);
    }

    /// <summary>
    /// A log whose partition <paramref name="index"/> is replaced by <paramref name="segments"/> at <paramref name="version"/>
    /// (for compaction: the same cases in fewer segments).
    /// </summary>
    public PartitionedEventLog WithPartition(int index, IReadOnlyList<EventLogSegment> segments, long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _partitions.Length);
        var partitions = (EventLogPartition[])_partitions.Clone();
        partitions[index] = new EventLogPartition(index, version, segments);
        return new PartitionedEventLog(partitions, Math.Max(Version, version));
    }

    /// <summary>Per partition, its cases of <paramref name="log"/> in segments of at most <see cref="SegmentCases"/> cases; null when none.</summary>
    private static List<EventLogSegment>?[] Split(EventLog log, long[] keys, int count)
    {
        var members = new List<int>?[count];
        for (var c = 0; c < log.CaseCount; c++)
        {
            (members[CasePartitioner.PartitionOf(log.CaseIds[c], count)] ??= []).Add(c);
        }

        var result = new List<EventLogSegment>?[count];
        for (var p = 0; p < count; p++)
        {
            if (members[p] is not { } cases)
            {
                continue;
            }

            var segments = result[p] = new List<EventLogSegment>((cases.Count + SegmentCases - 1) / SegmentCases);
            if (cases.Count == log.CaseCount && cases.Count <= SegmentCases)
            {
                segments.Add(new EventLogSegment(log, keys));
                continue;
            }

            for (var start = 0; start < cases.Count; start += SegmentCases)
            {
                var chunk = cases.GetRange(start, Math.Min(SegmentCases, cases.Count - start)).ToArray();
                var chunkKeys = new long[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    chunkKeys[i] = keys[chunk[i]];
                }

                segments.Add(new EventLogSegment(log.SelectCases(chunk), chunkKeys));
            }
        }

        return result;
    }

    private static long[] Sequence(int count)
    {
        var keys = new long[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = i;
        }

        return keys;
    }
}
