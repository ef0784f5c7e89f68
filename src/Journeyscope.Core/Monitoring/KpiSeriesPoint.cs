namespace Journeyscope.Monitoring;

/// <summary>One period of a monitored KPI series: the value with its interval, the expected range, and whether it alerted.</summary>
/// <param name="PeriodStart">The period's first instant.</param>
/// <param name="PeriodEnd">The period's end (exclusive).</param>
/// <param name="Value">The value, or null when nothing was measured.</param>
/// <param name="SampleSize">What the value rests on.</param>
/// <param name="Low">The value's 95 % interval, low end, or null.</param>
/// <param name="High">The value's 95 % interval, high end, or null.</param>
/// <param name="Expected">The seasonal centre from the periods before, or null without enough history.</param>
/// <param name="ExpectedLow">The expected range's low end, or null until it is calibrated.</param>
/// <param name="ExpectedHigh">The expected range's high end, or null until it is calibrated.</param>
/// <param name="Alerted">Whether an alert was raised on this KPI for this period.</param>
/// <param name="IntervalMethod">How the value's interval was computed (<see cref="KpiSnapshot.IntervalMethod"/>), or null.</param>
public sealed record KpiSeriesPoint(
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    double? Value,
    int SampleSize,
    double? Low,
    double? High,
    double? Expected,
    double? ExpectedLow,
    double? ExpectedHigh,
    bool Alerted,
    string? IntervalMethod = null);
