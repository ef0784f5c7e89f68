using Journeyscope.Performance;

namespace Journeyscope.Reports;

/// <summary>The value stream as a report draws it: totals and means of lead, processing and waiting time, and the busiest steps.</summary>
/// <param name="LeadTimeSeconds">Lead time of the cases.</param>
/// <param name="ProcessingTimeSeconds">Processing time of the cases; null when the log has no start times (unknown, not zero).</param>
/// <param name="WaitingTimeSeconds">Waiting time of the cases.</param>
/// <param name="FlowEfficiency">Processing over lead time, or null when unknown.</param>
/// <param name="Activities">The steps with the most events, most first.</param>
public sealed record ReportValueStream(
    ReportTimeTotals LeadTimeSeconds,
    ReportTimeTotals? ProcessingTimeSeconds,
    ReportTimeTotals WaitingTimeSeconds,
    double? FlowEfficiency,
    IReadOnlyList<ReportStep> Activities)
{
    /// <summary>How many steps the report draws.</summary>
    public const int MaxSteps = 20;

    /// <summary>The report's view of <paramref name="stream"/>.</summary>
    public static ReportValueStream From(ValueStreamResult stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var known = stream.Source != ProcessingTimeSource.None;
        return new ReportValueStream(
            new ReportTimeTotals(stream.TotalLeadTime.TotalSeconds, stream.MeanLeadTime.TotalSeconds),
            known ? new ReportTimeTotals(stream.TotalProcessingTime.TotalSeconds, stream.MeanProcessingTime.TotalSeconds) : null,
            new ReportTimeTotals(stream.TotalWaitingTime.TotalSeconds, stream.MeanWaitingTime.TotalSeconds),
            stream.FlowEfficiency,
            [.. stream.Activities.OrderByDescending(a => a.Count).ThenBy(a => a.Activity, StringComparer.Ordinal).Take(MaxSteps)
                .Select(a => new ReportStep(a.Activity, a.Count, known ? a.MeanProcessingTime.TotalSeconds : null, a.MeanWaitingTime.TotalSeconds))]);
    }
}
