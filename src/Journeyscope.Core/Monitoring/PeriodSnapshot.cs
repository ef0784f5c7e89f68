namespace Journeyscope.Monitoring;

/// <summary>What a schedule stored for one period: every KPI per segment, the conformance rate and the top deviations.</summary>
/// <param name="Schedule">The schedule id.</param>
/// <param name="Journey">The journey id.</param>
/// <param name="PeriodStart">The period's first instant (the previous occurrence of the schedule), in the schedule's time zone.</param>
/// <param name="PeriodEnd">The period's end, exclusive (the occurrence that took the snapshot); the period's key.</param>
/// <param name="Cases">Cases that started in the period.</param>
/// <param name="Kpis">Every KPI for all cases (segment null) and per segment.</param>
/// <param name="Conformance">The conformance for all cases and per segment; empty when the journey has no flow.</param>
public sealed record PeriodSnapshot(
    string Schedule,
    string Journey,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    int Cases,
    IReadOnlyList<KpiSnapshot> Kpis,
    IReadOnlyList<ConformanceSnapshot> Conformance);
