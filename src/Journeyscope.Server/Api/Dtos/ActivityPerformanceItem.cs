namespace Journeyscope.Server.Api.Dtos;

/// <summary>Processing and waiting time of one activity, in seconds.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Events">Number of its executions.</param>
/// <param name="TotalProcessingSeconds">Total processing time.</param>
/// <param name="MeanProcessingSeconds">Mean processing time.</param>
/// <param name="Waits">Executions with a predecessor in their case.</param>
/// <param name="TotalWaitingSeconds">Total waiting time before it.</param>
/// <param name="MeanWaitingSeconds">Mean waiting time before it.</param>
public sealed record ActivityPerformanceItem(
    string Activity,
    long Events,
    double TotalProcessingSeconds,
    double MeanProcessingSeconds,
    long Waits,
    double TotalWaitingSeconds,
    double MeanWaitingSeconds);
