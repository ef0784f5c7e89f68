namespace Journeyscope.Monitoring;

/// <summary>One of the top deviation patterns of a snapshot.</summary>
/// <param name="Pattern">The pattern's key (stable across periods).</param>
/// <param name="Description">The pattern in plain words.</param>
/// <param name="Cases">Cases of the period with this pattern.</param>
/// <param name="Share">Cases / cases of the period.</param>
public sealed record SnapshotDeviation(string Pattern, string Description, int Cases, double Share);
