namespace Journeyscope.Performance;

/// <summary>Processing and waiting time of one activity over all cases.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Count">Number of its instances (executions).</param>
/// <param name="TotalProcessingTime">Sum of its instances' processing times.</param>
/// <param name="MeanProcessingTime">Mean processing time per instance.</param>
/// <param name="WaitCount">Number of its instances that had a predecessor in their case (so a waiting time).</param>
/// <param name="TotalWaitingTime">Sum of waiting times before its instances (since the previous step completed).</param>
/// <param name="MeanWaitingTime">Mean waiting time before an instance, over <paramref name="WaitCount"/>.</param>
public sealed record ActivityPerformance(
    string Activity,
    int Count,
    TimeSpan TotalProcessingTime,
    TimeSpan MeanProcessingTime,
    int WaitCount,
    TimeSpan TotalWaitingTime,
    TimeSpan MeanWaitingTime);
