namespace Journeyscope.Partitions;

/// <summary>
/// What the live pages show of a log, computed as map -> merge -> finish over partitions: the KPIs, the process map's
/// activities and directly-follows edges with their durations, the variants and the case durations.
/// </summary>
/// <remarks>Equal (value by value) whether computed over the whole log or over any partitioning of it.</remarks>
/// <param name="Kpis">The log-level KPIs.</param>
/// <param name="Activities">Per activity its counts, ordered by name (ordinal).</param>
/// <param name="Edges">Per directly-follows pair its count and durations, ordered by (from, to) names (ordinal).</param>
/// <param name="Variants">The variants, most frequent first, ties by first case in log order.</param>
/// <param name="CaseDurations">The distribution of case durations (last minus first event).</param>
public sealed record JourneySnapshot(
    SnapshotKpis Kpis,
    IReadOnlyList<SnapshotActivity> Activities,
    IReadOnlyList<SnapshotEdge> Edges,
    IReadOnlyList<SnapshotVariant> Variants,
    SnapshotDurations CaseDurations);
