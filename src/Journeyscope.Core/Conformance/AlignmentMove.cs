namespace Journeyscope.Conformance;

/// <summary>One step of an alignment.</summary>
/// <param name="Kind">The kind of step.</param>
/// <param name="Label">The activity (log and synchronous moves) or transition label (model moves); <c>null</c> for silent moves.</param>
/// <param name="TracePosition">
/// For synchronous and log moves, the 0-based position of the event in the case; for model and silent moves, the
/// position of the next event of the case (the trace length when none follows), so every move can be placed in time.
/// </param>
public readonly record struct AlignmentMove(MoveKind Kind, string? Label, int TracePosition);
