namespace Journeyscope.Server.Api.Dtos;

/// <summary>A funnel to compute (POST /api/v1/workspaces/{ws}/funnels); semantics in docs/funnels.md.</summary>
/// <param name="Steps">The ordered steps (at least one).</param>
/// <param name="Exclusions">Events that stop a case's progress between two steps; none by default.</param>
/// <param name="Order"><c>loose</c> (default: other events may come between steps) or <c>strict</c>.</param>
/// <param name="Window">The conversion window from the first step, such as <c>7d</c>; none by default.</param>
/// <param name="Breakdown">The attribute to break the funnel down by: <c>case.NAME</c>, <c>event.NAME</c> or <c>NAME</c>.</param>
/// <param name="Filters">Filters applied to the log first (docs/filters.md), in order.</param>
/// <param name="TimeBasis"><c>utc</c> (default) or <c>wall-clock</c>.</param>
/// <param name="DropOffs">When given, the response lists the cases behind one step's drop-off, paged.</param>
public sealed record FunnelRequest(
    IReadOnlyList<FunnelStepRequest>? Steps,
    IReadOnlyList<FunnelExclusionRequest>? Exclusions = null,
    string? Order = null,
    string? Window = null,
    string? Breakdown = null,
    IReadOnlyList<string>? Filters = null,
    string? TimeBasis = null,
    FunnelDropOffRequest? DropOffs = null);
