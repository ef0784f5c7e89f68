namespace Journeyscope.Partitions;

/// <summary>
/// What one update of a <see cref="PartitionedEventLog"/> changed: the cases it dropped, as they were, and the cases it
/// added, as they are; a running total (<see cref="JourneyTotals"/>) subtracts the first and adds the second.
/// </summary>
/// <param name="FromVersion">The version of the log the change was applied to.</param>
/// <param name="ToVersion">The version of the log after it.</param>
/// <param name="Removed">The dropped cases (replaced ones included) as they were before the change.</param>
/// <param name="Added">The new and replaced cases, whole.</param>
public sealed record PartitionDelta(long FromVersion, long ToVersion, IReadOnlyList<EventLogSegment> Removed, EventLogSegment Added)
{
    /// <summary>The partial of the dropped cases (the map step over <see cref="Removed"/>, merged).</summary>
    public JourneyPartial RemovedPartial()
    {
        var parts = new JourneyPartial[Removed.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = JourneyPartial.Map(Removed[i]);
        }

        return JourneyPartial.Merge(parts);
    }

    /// <summary>The partial of the added cases.</summary>
    public JourneyPartial AddedPartial() => JourneyPartial.Map(Added);
}
