namespace Journeyscope.Server.Api.Dtos;

/// <summary>The value stream (GET /api/v1/workspaces/{ws}/performance): the same figures as <c>journeyscope performance</c>.</summary>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Version">The workspace version.</param>
/// <param name="Cases">Number of cases.</param>
/// <param name="ProcessingFrom">Where processing time comes from: <c>StartTimestamps</c>, <c>Lifecycle</c> or <c>None</c>.</param>
/// <param name="UsesCalendar">Whether times count working time only.</param>
/// <param name="LeadTimeSeconds">Lead time (first to last event of a case).</param>
/// <param name="ProcessingTimeSeconds">Processing time.</param>
/// <param name="WaitingTimeSeconds">Waiting time.</param>
/// <param name="FlowEfficiency">Total processing / total lead time; null when unknown.</param>
/// <param name="MeanFlowEfficiency">Mean of the cases' flow efficiencies; null when unknown.</param>
/// <param name="CaseDurationSeconds">Case duration statistics.</param>
/// <param name="Activities">Per activity, by activity name.</param>
/// <param name="Handovers">Per hand-over, by from then to.</param>
/// <param name="Granularity"><c>day</c> or <c>week</c>.</param>
/// <param name="Throughput">Cases started, completed and in progress per period.</param>
public sealed record PerformanceResponse(
    string TimeBasis,
    long Version,
    long Cases,
    string ProcessingFrom,
    bool UsesCalendar,
    TimeTotals LeadTimeSeconds,
    TimeTotals ProcessingTimeSeconds,
    TimeTotals WaitingTimeSeconds,
    double? FlowEfficiency,
    double? MeanFlowEfficiency,
    Journeyscope.Discovery.DurationSummary CaseDurationSeconds,
    IReadOnlyList<ActivityPerformanceItem> Activities,
    IReadOnlyList<HandoverItem> Handovers,
    string Granularity,
    IReadOnlyList<ThroughputItem> Throughput);
