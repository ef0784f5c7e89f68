namespace Journeyscope.Simulation;

/// <summary>One injected problem, the cases it actually affected and its designed effect on KPIs.</summary>
/// <param name="Id">A stable id (for example <c>mobile-payment-retries</c>).</param>
/// <param name="Kind">The kind: <c>payment-retries</c>, <c>monday-backlog</c>, <c>double-escalation</c>, <c>skipped-onboarding</c> or <c>drift</c>.</param>
/// <param name="Description">What was injected, with its parameters.</param>
/// <param name="Touchpoints">The journey's touchpoint ids whose rules match the affected activities.</param>
/// <param name="AffectedCases">The case ids the problem changed, in case order.</param>
/// <param name="Effects">The designed KPI effects.</param>
public sealed record GroundTruthProblem(
    string Id,
    string Kind,
    string Description,
    IReadOnlyList<string> Touchpoints,
    IReadOnlyList<string> AffectedCases,
    IReadOnlyList<KpiEffect> Effects);
