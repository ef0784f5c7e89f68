using Journeyscope.EventLogs;

namespace Journeyscope.Agenda;

/// <summary>
/// Root cause of an outcome: the one result of <c>journeyscope rootcause --format json</c>, <c>GET …/rootcause</c> and the
/// Root cause page. Factors ranked by how far their risk difference lies from zero, and the backstage hand-overs whose
/// waits differ most between cases with and without the outcome (docs/rootcause.md).
/// </summary>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Outcome">The filters that define the outcome, in the filter syntax.</param>
/// <param name="Cases">Cases analysed.</param>
/// <param name="OutcomeCases">Cases with the outcome.</param>
/// <param name="OutcomeRate">Their share, 0..1 (0 for an empty log).</param>
/// <param name="MinSupport">The fewest cases a group needed to be tested.</param>
/// <param name="Tested">How many factors were tested (the Benjamini–Hochberg family).</param>
/// <param name="Factors">The best-ranked factors.</param>
/// <param name="Backstage">The hand-overs whose waits differ most.</param>
/// <param name="Notes">What was skipped and why.</param>
public sealed record RootCauseResult(
    TimeBasis TimeBasis,
    long Version,
    IReadOnlyList<string> Outcome,
    int Cases,
    int OutcomeCases,
    double OutcomeRate,
    int MinSupport,
    int Tested,
    IReadOnlyList<RootCauseFactor> Factors,
    IReadOnlyList<RootCauseWait> Backstage,
    IReadOnlyList<string> Notes);
