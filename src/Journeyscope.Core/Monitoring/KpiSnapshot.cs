using Journeyscope.Kpis;

namespace Journeyscope.Monitoring;

/// <summary>One KPI of a snapshot, for one segment (or all cases).</summary>
/// <param name="Kpi">The KPI id.</param>
/// <param name="Segment">The segment value, or null for all cases of the period.</param>
/// <param name="Value">The value in the KPI's unit, or null when nothing was measured.</param>
/// <param name="SampleSize">What the value rests on (cases, events or answers, as the KPI kind says).</param>
/// <param name="Low">The 95 % interval's low end, or null (counts, totals, too few observations).</param>
/// <param name="High">The 95 % interval's high end, or null.</param>
/// <param name="Status">The value against the target.</param>
/// <param name="IntervalMethod">How the interval was computed: <c>wilson</c> (shares), <c>t</c> (means of observations: durations,
/// scores, CSAT and CES), <c>bootstrap</c> (seeded case-level Poisson bootstrap, 200 replicates, percentiles: net scores, other
/// ratios, custom expressions), or null without an interval.</param>
public sealed record KpiSnapshot(
    string Kpi, string? Segment, double? Value, int SampleSize, double? Low, double? High, KpiStatus Status, string? IntervalMethod = null);
