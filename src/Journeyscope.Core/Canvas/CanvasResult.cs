using Journeyscope.Agenda;

namespace Journeyscope.Canvas;

/// <summary>
/// The lifecycle canvas and capability map of a journey: the one record of <c>journeyscope journey canvas --format json</c>,
/// <c>GET …/journeys/{id}/canvas</c> and the Canvas page (docs/canvas.md).
/// </summary>
/// <param name="Journey">The journey id.</param>
/// <param name="Name">The journey's name.</param>
/// <param name="Stages">The canvas of each stage, in stage order, with the measured opportunities beside the workshop's notes.</param>
/// <param name="Capabilities">The capability heat map over the blueprint.</param>
/// <param name="Unplaced">Measured opportunities without a touchpoint (a hand-over between activities, a stage-to-stage target).</param>
/// <param name="ValueUnit">The unit of the opportunities' value, or <c>null</c> without an agenda.</param>
/// <param name="Period">The period the value is per, or <c>null</c> without an agenda.</param>
/// <param name="Notes">What limited the canvas (no events, no flow ...).</param>
public sealed record CanvasResult(
    string Journey,
    string Name,
    IReadOnlyList<CanvasStage> Stages,
    CapabilityMap Capabilities,
    IReadOnlyList<AgendaOpportunity> Unplaced,
    string? ValueUnit,
    string? Period,
    IReadOnlyList<string> Notes);
