using Journeyscope.EventLogs;

namespace Journeyscope.Agenda;

/// <summary>
/// Did the improvement work? The one result of <c>journeyscope improvement report --format json</c>,
/// <c>GET …/improvements/{id}/report</c> and the Improvements page (docs/value-tracking.md).
/// </summary>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Improvement">The improvement as recorded.</param>
/// <param name="Method"><c>difference-in-differences</c> (a segment got it first; the rest is the comparison group) or <c>interrupted-time-series</c>.</param>
/// <param name="Verdict"><c>effect detected</c>, <c>no effect detected</c> or <c>not enough data yet</c>.</param>
/// <param name="Effect">The change in the outcome rate the improvement caused (negative: fewer cases with the outcome); null without enough data.</param>
/// <param name="Low">Low end of its 95 % interval.</param>
/// <param name="High">High end of its 95 % interval.</param>
/// <param name="IntervalMethod">How the interval was computed.</param>
/// <param name="Before">The changed group before the change (everyone, for a time series).</param>
/// <param name="After">The changed group after it.</param>
/// <param name="ComparisonBefore">The comparison group before; null for a time series.</param>
/// <param name="ComparisonAfter">The comparison group after; null for a time series.</param>
/// <param name="ValueRealised">Effect × cases after × value per unit; null when no value per unit was recorded or no effect estimated.</param>
/// <param name="Notes">Assumptions and what limited the analysis.</param>
public sealed record ImprovementReport(
    TimeBasis TimeBasis,
    long Version,
    Improvement Improvement,
    string Method,
    string Verdict,
    double? Effect,
    double? Low,
    double? High,
    string IntervalMethod,
    ImprovementCell Before,
    ImprovementCell After,
    ImprovementCell? ComparisonBefore,
    ImprovementCell? ComparisonAfter,
    ImprovementValue? ValueRealised,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// What the rates, the effect and its interval are measured in (<see cref="ImprovementUnits"/>): <c>share</c> (0..1),
    /// <c>duration</c> (seconds), <c>net score</c> (points) or <c>number</c>; <see cref="ImprovementUnits"/> writes them with their unit.
    /// </summary>
    public string Measure { get; init; } = ImprovementUnits.Share;
}
