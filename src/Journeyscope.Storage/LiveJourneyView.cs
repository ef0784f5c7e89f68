using Journeyscope.Partitions;

namespace Journeyscope.Storage;

/// <summary>The live analyses of a store at one version (<see cref="LiveJourney.RefreshAsync"/>).</summary>
/// <param name="Log">The partitioned log at that version.</param>
/// <param name="Snapshot">KPIs, process map, variants and case durations of every case.</param>
/// <param name="Conformance">Conformance of every case against the model asked for; null when none was.</param>
/// <param name="ChangedPartitions">The partitions the last refresh of the log replaced.</param>
public sealed record LiveJourneyView(
    PartitionedEventLog Log, JourneySnapshot Snapshot, SnapshotConformance? Conformance, IReadOnlyList<int> ChangedPartitions)
{
    /// <summary>The store version.</summary>
    public long Version => Log.Version;
}
