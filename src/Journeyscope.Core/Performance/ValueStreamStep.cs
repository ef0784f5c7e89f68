namespace Journeyscope.Performance;

/// <summary>One step of the value stream (an activity), with its processing time and the waiting before it, in seconds.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Events">Its events in the log: the count the process map shows for it.</param>
/// <param name="Executions">Its executions (a start/complete lifecycle pair is one execution of two events).</param>
/// <param name="TotalProcessingSeconds">Total processing time; <c>null</c> when unknown (no start times in the log).</param>
/// <param name="MeanProcessingSeconds">Mean processing time per execution; <c>null</c> when unknown.</param>
/// <param name="Waits">Executions with a predecessor in their case.</param>
/// <param name="TotalWaitingSeconds">Total waiting time before it.</param>
/// <param name="MeanWaitingSeconds">Mean waiting time before it, per wait.</param>
public sealed record ValueStreamStep(
    string Activity,
    long Events,
    long Executions,
    double? TotalProcessingSeconds,
    double? MeanProcessingSeconds,
    long Waits,
    double TotalWaitingSeconds,
    double MeanWaitingSeconds);
