namespace Journeyscope.Agenda;

/// <summary>One group of cases in a before/after comparison and its outcome rate.</summary>
/// <param name="Cases">Cases in the group.</param>
/// <param name="OutcomeCases">Of them, cases with the outcome.</param>
/// <param name="Rate">Their share, 0..1 (0 for no cases).</param>
public sealed record ImprovementCell(int Cases, int OutcomeCases, double Rate);
