namespace Journeyscope.Conformance;

/// <summary>One move of a variant's alignment with a designed journey, named in the journey's terms.</summary>
/// <param name="Kind"><c>synchronous</c>, <c>inserted</c> (the case did a step the design does not allow there) or <c>skipped</c>.</param>
/// <param name="Label">The touchpoint's name, or the activity when it maps to no touchpoint.</param>
/// <param name="Activity">The activity of the case's event, or null for a skipped step.</param>
/// <param name="TouchpointId">The touchpoint id, or null.</param>
/// <param name="StageId">The touchpoint's stage id, or null.</param>
/// <param name="Position">The position in the case's events (0-based) the move is at.</param>
public sealed record AlignmentMoveFigure(MoveKind Kind, string Label, string? Activity, string? TouchpointId, string? StageId, int Position);
