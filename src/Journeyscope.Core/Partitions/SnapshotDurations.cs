namespace Journeyscope.Partitions;

/// <summary>The case durations of a <see cref="JourneySnapshot"/>, in seconds (NaN without cases).</summary>
/// <param name="Count">Number of cases.</param>
/// <param name="MeanSeconds">Mean.</param>
/// <param name="MedianSeconds">Median (mean of the two middle values for an even count).</param>
/// <param name="P90Seconds">90th percentile, linear interpolation between closest ranks.</param>
/// <param name="MinSeconds">Shortest.</param>
/// <param name="MaxSeconds">Longest.</param>
public sealed record SnapshotDurations(long Count, double MeanSeconds, double MedianSeconds, double P90Seconds, double MinSeconds, double MaxSeconds);
