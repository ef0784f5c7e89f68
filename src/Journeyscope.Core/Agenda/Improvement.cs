namespace Journeyscope.Agenda;

/// <summary>
/// An improvement recorded in a workspace: what changed, from when, for which segment first, and the KPI it should move
/// (docs/value-tracking.md). Stored in the workspace folder's <c>improvements.json</c>.
/// </summary>
/// <param name="Id">A stable id (<c>imp-1</c>, <c>imp-2</c> …).</param>
/// <param name="Title">What the improvement is, in plain words.</param>
/// <param name="Opportunity">The opportunity, touchpoint or KPI it is linked to (free text or an agenda id); may be null.</param>
/// <param name="Outcome">
/// The KPI it should move, as outcome filters (docs/filters.md): the share of cases with the outcome. Empty when the
/// improvement names a journey KPI instead (<see cref="Kpi"/>).
/// </param>
/// <param name="Change">What changed; may be null.</param>
/// <param name="From">When the change took effect: cases that start at or after it are "after".</param>
/// <param name="SegmentAttribute">The attribute of the segment that got the change first; null when everyone got it.</param>
/// <param name="SegmentValue">That segment's value.</param>
/// <param name="ValuePerUnit">
/// What one more case with the outcome (one unit of the KPI) is worth, in <paramref name="Unit"/> (negative for a cost); null
/// when unknown, or to take it from the journey's <c>value:</c> entry for <see cref="Kpi"/>.
/// </param>
/// <param name="Unit">The unit of <paramref name="ValuePerUnit"/> (for example EUR).</param>
public sealed record Improvement(
    string Id,
    string Title,
    string? Opportunity,
    IReadOnlyList<string> Outcome,
    string? Change,
    DateTimeOffset From,
    string? SegmentAttribute,
    string? SegmentValue,
    double? ValuePerUnit,
    string? Unit)
{
    /// <summary>
    /// The id of the journey KPI it should move (YAML <c>kpis:</c> of <see cref="Journey"/>), instead of an outcome filter;
    /// null for the filter form.
    /// </summary>
    public string? Kpi { get; init; }

    /// <summary>The id of the journey <see cref="Kpi"/> belongs to (its file in the workspace's journeys/ folder); null for the filter form.</summary>
    public string? Journey { get; init; }
}
