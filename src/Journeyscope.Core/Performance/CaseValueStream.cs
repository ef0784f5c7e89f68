namespace Journeyscope.Performance;

/// <summary>The value stream measures of one case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="LeadTime">From the first start to the last completion.</param>
/// <param name="ProcessingTime">Time in which at least one step was in progress (overlapping steps count once).</param>
/// <param name="WaitingTime">Lead time minus processing time: time in which nothing was in progress.</param>
/// <param name="FlowEfficiency">Processing time / lead time; <c>null</c> when unknown (no processing source) or the lead time is zero.</param>
public readonly record struct CaseValueStream(
    string CaseId,
    TimeSpan LeadTime,
    TimeSpan ProcessingTime,
    TimeSpan WaitingTime,
    double? FlowEfficiency);
