namespace Journeyscope.Agenda;

/// <summary>
/// An improvement recorded in a workspace: what changed, from when, for which segment first, and the KPI it should move
/// (docs/value-tracking.md). Stored in the workspace folder's <c>improvements.json</c>.
/// </summary>
/// <param name="Id">A stable id (<c>imp-1</c>, <c>imp-2</c> …).</param>
/// <param name="Title">What the improvement is, in plain words.</param>
/// <param name="Opportunity">The opportunity, touchpoint or KPI it is linked to (free text or an agenda id); may be null.</param>
/// <param name="Outcome">The KPI it should move, as outcome filters (docs/filters.md): the share of cases with the outcome.</param>
/// <param name="Change">What changed; may be null.</param>
/// <param name="From">When the change took effect: cases that start at or after it are "after".</param>
/// <param name="SegmentAttribute">The attribute of the segment that got the change first; null when everyone got it.</param>
/// <param name="SegmentValue">That segment's value.</param>
/// <param name="ValuePerUnit">What one more case with the outcome is worth, in <paramref name="Unit"/> (negative for a cost); null when unknown.</param>
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
    string? Unit);
