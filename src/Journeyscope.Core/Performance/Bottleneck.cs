namespace Journeyscope.Performance;

/// <summary>A hand-over ranked by the customer time it costs: its total waiting time over all cases.</summary>
/// <param name="Rank">1 for the costliest.</param>
/// <param name="Edge">The hand-over and its waiting statistics.</param>
/// <param name="Share">Its share of the waiting time of all hand-overs, in [0, 1].</param>
public sealed record Bottleneck(int Rank, HandoverWaitingTime Edge, double Share);
