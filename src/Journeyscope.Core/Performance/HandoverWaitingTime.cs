namespace Journeyscope.Performance;

/// <summary>Waiting time on one hand-over between consecutive steps: from the completion of one to the start of the next.</summary>
/// <param name="From">The earlier activity.</param>
/// <param name="To">The later activity.</param>
/// <param name="Count">How often <paramref name="To"/> directly followed <paramref name="From"/>.</param>
/// <param name="TotalWaitingTime">Sum of the waits.</param>
/// <param name="MeanWaitingTime">Mean wait.</param>
/// <param name="MedianWaitingTime">Median wait (mean of the two middle values for an even count).</param>
public sealed record HandoverWaitingTime(
    string From,
    string To,
    int Count,
    TimeSpan TotalWaitingTime,
    TimeSpan MeanWaitingTime,
    TimeSpan MedianWaitingTime);
