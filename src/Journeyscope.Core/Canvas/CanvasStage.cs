using Journeyscope.Agenda;

namespace Journeyscope.Canvas;

/// <summary>One stage of the lifecycle canvas: the workshop's canvas and the agenda's measured opportunities at its touchpoints.</summary>
/// <param name="Id">The stage id.</param>
/// <param name="Name">The stage name.</param>
/// <param name="Touchpoints">The ids of the stage's touchpoints, in journey order.</param>
/// <param name="CustomerActions">What customers do (the workshop's canvas).</param>
/// <param name="Frontstage">What customers see the organisation do.</param>
/// <param name="Backstage">What happens behind the scenes.</param>
/// <param name="Notes">The workshop's own opportunity notes.</param>
/// <param name="ValueProposition">What the stage promises, or <c>null</c>.</param>
/// <param name="Measured">The agenda's opportunities at the stage's touchpoints, by rank.</param>
public sealed record CanvasStage(
    string Id,
    string Name,
    IReadOnlyList<string> Touchpoints,
    IReadOnlyList<string> CustomerActions,
    IReadOnlyList<string> Frontstage,
    IReadOnlyList<string> Backstage,
    IReadOnlyList<string> Notes,
    string? ValueProposition,
    IReadOnlyList<AgendaOpportunity> Measured);
