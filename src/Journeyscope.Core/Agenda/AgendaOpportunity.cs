namespace Journeyscope.Agenda;

/// <summary>One opportunity of the agenda: a measurable gap with its customers, effects, value and priority.</summary>
/// <param name="Rank">1 for the highest score.</param>
/// <param name="Id">A stable id: <c>kind:subject</c> plus <c>@attribute=value</c> for a segment, for example <c>repeated:pay@device=android-app</c>.</param>
/// <param name="Kind"><c>skipped</c>, <c>inserted</c>, <c>out-of-order</c>, <c>repeated</c>, <c>time-target</c>, <c>bottleneck</c>, <c>drop-off</c>, <c>channel-switch</c>, <c>detractor-moment</c> or <c>kpi-off-target</c>.</param>
/// <param name="Title">The gap in plain words.</param>
/// <param name="Touchpoint">The touchpoint id, or <c>null</c> (an unmapped step, a stage-to-stage target).</param>
/// <param name="Segment">The segment it is concentrated in, or <c>null</c>.</param>
/// <param name="CustomersAffected">
/// The distinct customers with the gap: the cases with it when each case is a customer; with the journey's <c>customer:</c>
/// attribute, the distinct values of that attribute over those cases (<see cref="CasesAffected"/> counts the cases).
/// </param>
/// <param name="Share">The share of all cases that have the gap.</param>
/// <param name="CustomersPerPeriod">Cases with the gap per period (the effects and the value are per case).</param>
/// <param name="Effects">Its effect on each linked KPI, associational and (with <c>--by</c>) adjusted.</param>
/// <param name="ValuePerPeriod">Its value per period.</param>
/// <param name="Effort">The effort of its solution, 1 without one.</param>
/// <param name="Solution">The id of the solution that addresses it, or <c>null</c>.</param>
/// <param name="Owner">The solution's owner, else the touchpoint's owner, or <c>null</c>.</param>
/// <param name="Score">The priority: value lower bound × share / effort (WSJF).</param>
/// <param name="Rice">Reach × impact × confidence / effort.</param>
public sealed record AgendaOpportunity(
    int Rank,
    string Id,
    string Kind,
    string Title,
    string? Touchpoint,
    AgendaSegment? Segment,
    int CustomersAffected,
    double Share,
    double CustomersPerPeriod,
    IReadOnlyList<AgendaEffect> Effects,
    AgendaValue ValuePerPeriod,
    double Effort,
    string? Solution,
    string? Owner,
    double Score,
    double Rice)
{
    private readonly int? _casesAffected;

    /// <summary>
    /// The cases with the gap (the size of its case set); equal to <see cref="CustomersAffected"/> when each case is a customer,
    /// at least as many when a customer has several cases (orders, tickets).
    /// </summary>
    public int CasesAffected
    {
        get => _casesAffected ?? CustomersAffected;
        init => _casesAffected = value;
    }

    /// <summary>
    /// What the opportunity's customers have in common: the root-cause factors (<see cref="RootCauseAnalysis"/>) that
    /// explain membership of its case set (q at most the false discovery rate), strongest first; empty below the first
    /// <see cref="AgendaOptions.RootCauses"/> ranks or when nothing explains it.
    /// </summary>
    public IReadOnlyList<RootCauseFactor> RootCauses { get; init; } = [];

    /// <summary>
    /// The capabilities its touchpoint depends on (the touchpoint's <c>capabilities:</c> in the journey YAML), weakest
    /// first; empty without a touchpoint or when none are mapped (docs/canvas.md).
    /// </summary>
    public IReadOnlyList<Journeys.Capability> Capabilities { get; init; } = [];

    /// <summary>
    /// Breaches of time targets on whose clock this gap lies that are credited to it (each breach to one gap only; the
    /// target lists the breaches no gap explains); empty for gaps off every clock.
    /// </summary>
    public IReadOnlyList<AgendaExplainedBreaches> ExplainsBreaches { get; init; } = [];
}
