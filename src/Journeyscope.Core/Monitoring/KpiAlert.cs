namespace Journeyscope.Monitoring;

/// <summary>An alert raised by a rule for one period (docs/monitoring.md, "KPI alerts").</summary>
/// <param name="Id">Unique and stable per schedule, KPI, rule kind and period: evaluating a period twice raises it once.</param>
/// <param name="Schedule">The schedule id.</param>
/// <param name="Journey">The journey id.</param>
/// <param name="Kpi">The KPI id.</param>
/// <param name="KpiName">The KPI's display name.</param>
/// <param name="Kind">The rule that fired: threshold, anomaly (single period) or sustained shift.</param>
/// <param name="PeriodStart">The period's first instant.</param>
/// <param name="PeriodEnd">The period's end (exclusive).</param>
/// <param name="Value">The KPI's value in the period.</param>
/// <param name="Expected">The expected value: the seasonal centre (anomaly), the mean of the seasonal centres since the shift started (sustained shift) or the target (threshold).</param>
/// <param name="ExpectedLow">The expected range's low end, or null when unbounded below; for a sustained shift, the lowest mean since the start the CUSUM would have accepted.</param>
/// <param name="ExpectedHigh">The expected range's high end, or null when unbounded above; for a sustained shift, the highest such mean.</param>
/// <param name="SampleSize">What the value rests on.</param>
/// <param name="Segment">The segment that moved most against its own baseline, or null when there are no segments with a baseline.</param>
/// <param name="SegmentValue">That segment's value.</param>
/// <param name="SegmentExpected">That segment's expected (centre) value.</param>
/// <param name="CasesFilter">The filter selecting the period's cases (docs/filters.md), for the cases endpoint and the UI.</param>
/// <param name="Message">The alert in one sentence.</param>
/// <param name="RaisedAt">When the alert was raised.</param>
/// <param name="ShiftStart">Sustained shift: the start of the first period of the shift (where the CUSUM run began); null for other rules.</param>
/// <param name="ShiftMean">Sustained shift: the KPI's mean over the periods since <paramref name="ShiftStart"/>, this one included; null for other rules.</param>
public sealed record KpiAlert(
    string Id,
    string Schedule,
    string Journey,
    string Kpi,
    string KpiName,
    AlertKind Kind,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    double Value,
    double? Expected,
    double? ExpectedLow,
    double? ExpectedHigh,
    int SampleSize,
    string? Segment,
    double? SegmentValue,
    double? SegmentExpected,
    string CasesFilter,
    string Message,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ShiftStart = null,
    double? ShiftMean = null);
