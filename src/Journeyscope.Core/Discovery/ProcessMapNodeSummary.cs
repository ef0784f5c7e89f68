namespace Journeyscope.Discovery;

/// <summary>
/// An activity on the process map as results show it. Times are seconds; "wait" is the time from the case's previous
/// event to this one (the times of the incoming edges pooled), "processing" needs start times or start/complete pairs.
/// </summary>
/// <param name="Id">The node id: the activity name.</param>
/// <param name="Events">Number of events (frequency).</param>
/// <param name="Cases">Number of cases with at least one event.</param>
/// <param name="Starts">Number of cases starting with it.</param>
/// <param name="Ends">Number of cases ending with it.</param>
/// <param name="ReworkCases">Number of cases with it more than once.</param>
/// <param name="SelfLoops">Number of times it directly follows itself.</param>
/// <param name="MeanWaitSeconds">Mean wait before it; null when it never has a predecessor.</param>
/// <param name="MedianWaitSeconds">Median wait before it; null when it never has a predecessor.</param>
/// <param name="TotalWaitSeconds">Total wait before it.</param>
/// <param name="MeanProcessingSeconds">Mean processing time per event; null when the log has no processing times.</param>
/// <param name="TotalProcessingSeconds">Total processing time; null when the log has no processing times.</param>
public sealed record ProcessMapNodeSummary(
    string Id,
    long Events,
    long Cases,
    long Starts,
    long Ends,
    long ReworkCases,
    long SelfLoops,
    double? MeanWaitSeconds,
    double? MedianWaitSeconds,
    double TotalWaitSeconds,
    double? MeanProcessingSeconds,
    double? TotalProcessingSeconds);
