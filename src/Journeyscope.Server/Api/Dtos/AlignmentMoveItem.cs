namespace Journeyscope.Server.Api.Dtos;

/// <summary>One visible step of a variant's alignment with a journey's designed flow.</summary>
/// <param name="Kind">
/// <c>synchronous</c> (the customer did the designed step), <c>inserted</c> (a step the flow does not expect there: a log
/// move) or <c>skipped</c> (a designed step the customer did not do: a model move).
/// </param>
/// <param name="Label">What to show: the touchpoint's name, or the activity when the event maps to no touchpoint.</param>
/// <param name="Activity">The event's activity for synchronous and inserted steps; <c>null</c> for skipped steps.</param>
/// <param name="TouchpointId">The touchpoint's id, or <c>null</c> for an event that maps to no touchpoint.</param>
/// <param name="StageId">The touchpoint's stage id, or <c>null</c>.</param>
/// <param name="Position">
/// The 0-based position of the event in the variant for synchronous and inserted steps; for skipped steps the position of
/// the next event (the variant's length when none follows).
/// </param>
public sealed record AlignmentMoveItem(string Kind, string Label, string? Activity, string? TouchpointId, string? StageId, int Position);
