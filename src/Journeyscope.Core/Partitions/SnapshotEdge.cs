namespace Journeyscope.Partitions;

/// <summary>One directly-follows edge of a <see cref="JourneySnapshot"/>.</summary>
/// <param name="From">The earlier activity.</param>
/// <param name="To">The activity directly after it in the same case.</param>
/// <param name="Count">How often the pair occurs.</param>
/// <param name="MeanSeconds">Mean seconds between the two events.</param>
/// <param name="MedianSeconds">Median seconds between the two events (exact).</param>
public sealed record SnapshotEdge(string From, string To, long Count, double MeanSeconds, double MedianSeconds);
