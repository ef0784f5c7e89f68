namespace Journeyscope.Monitoring;

/// <summary>A point where the way cases travel changed.</summary>
/// <param name="CaseIndex">The first case after the change, 0-based, cases ordered by their first event.</param>
/// <param name="CaseId">The id of that case.</param>
/// <param name="Timestamp">The first event of that case: when the change shows.</param>
/// <param name="Window">The window (cases on each side) at which the change was found.</param>
/// <param name="PValue">The corrected p-value of the strongest boundary test (Bonferroni over the features tested).</param>
/// <param name="CasesBefore">Cases between the previous change point (or the start) and this one.</param>
/// <param name="CasesAfter">Cases between this change point and the next one (or the end).</param>
/// <param name="Changes">What changed, largest difference in share first.</param>
public sealed record DriftChangePoint(
    int CaseIndex,
    string CaseId,
    DateTimeOffset Timestamp,
    int Window,
    double PValue,
    int CasesBefore,
    int CasesAfter,
    IReadOnlyList<DriftChange> Changes);
