namespace Journeyscope.Performance;

/// <summary>A hand-over ranked by the total customer waiting time it costs, in seconds.</summary>
/// <param name="Rank">1 for the costliest.</param>
/// <param name="From">The earlier activity.</param>
/// <param name="To">The later activity.</param>
/// <param name="Count">How often it happened.</param>
/// <param name="TotalWaitingSeconds">Total wait.</param>
/// <param name="MeanWaitingSeconds">Mean wait.</param>
/// <param name="MedianWaitingSeconds">Median wait.</param>
/// <param name="Share">Its share of all waiting time, 0..1.</param>
public sealed record BottleneckSummary(
    int Rank,
    string From,
    string To,
    long Count,
    double TotalWaitingSeconds,
    double MeanWaitingSeconds,
    double MedianWaitingSeconds,
    double Share);
