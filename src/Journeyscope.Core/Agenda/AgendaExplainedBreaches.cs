namespace Journeyscope.Agenda;

/// <summary>
/// Breaches of a time target credited to the gap that lies on the target's clock in the same cases (docs/agenda.md, "A
/// breached time target and its cause"). Each breach is credited to one gap only, so a target's listed cases plus the
/// breaches credited away from it are all its breaches.
/// </summary>
/// <param name="TimeTarget">The <c>time-target</c> opportunity's id, for example <c>time-target:delivery-3d</c>.</param>
/// <param name="Cases">The breaches (cases) credited to this gap.</param>
public sealed record AgendaExplainedBreaches(string TimeTarget, int Cases);
