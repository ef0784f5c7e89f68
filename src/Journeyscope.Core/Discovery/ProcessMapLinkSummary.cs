namespace Journeyscope.Discovery;

/// <summary>A directly-follows edge on the process map as results show it; times are the seconds between the two events.</summary>
/// <param name="Id">The edge id: <c>from→to</c>.</param>
/// <param name="From">The earlier activity (node id).</param>
/// <param name="To">The later activity (node id).</param>
/// <param name="Count">Number of occurrences (frequency).</param>
/// <param name="Cases">Number of cases with at least one occurrence.</param>
/// <param name="MeanSeconds">Mean wait.</param>
/// <param name="MedianSeconds">Median wait.</param>
/// <param name="MinSeconds">Shortest wait.</param>
/// <param name="MaxSeconds">Longest wait.</param>
/// <param name="TotalSeconds">Total wait.</param>
/// <param name="StdevSeconds">Sample standard deviation of the wait; null for a single occurrence.</param>
/// <param name="P90Seconds">90th percentile wait.</param>
public sealed record ProcessMapLinkSummary(
    string Id,
    string From,
    string To,
    long Count,
    long Cases,
    double MeanSeconds,
    double MedianSeconds,
    double MinSeconds,
    double MaxSeconds,
    double TotalSeconds,
    double? StdevSeconds,
    double P90Seconds);
