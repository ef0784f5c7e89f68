namespace Journeyscope.Reports;

/// <summary>One step of the value stream drawing.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Events">Its events.</param>
/// <param name="MeanProcessingSeconds">Mean processing time, or null when the log has no start times.</param>
/// <param name="MeanWaitingSeconds">Mean waiting time before it.</param>
public sealed record ReportStep(string Activity, long Events, double? MeanProcessingSeconds, double? MeanWaitingSeconds);
