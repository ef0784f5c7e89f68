using Journeyscope.Partitions;

namespace Journeyscope.Server.Services;

/// <summary>The live analyses of a workspace at one version (<c>GET /api/v1/workspaces/{ws}/live</c>).</summary>
/// <param name="Version">The workspace version the snapshot reflects.</param>
/// <param name="Partitions">Partitions of the log (by a stable hash of the case id).</param>
/// <param name="ChangedPartitions">The partitions re-read and re-analysed to reach this version from the previous snapshot.</param>
/// <param name="Snapshot">KPIs, process map (activities, directly-follows edges with durations), variants and case durations.</param>
public sealed record LiveSnapshot(long Version, int Partitions, IReadOnlyList<int> ChangedPartitions, JourneySnapshot Snapshot);
