namespace Journeyscope.Agenda;

/// <summary>
/// The outcome-independent part of a root cause analysis of one log: the groups of cases by attribute value and entry path
/// (untested), the waits before each activity, the activities left out, and the notes; computed once and tested against
/// several outcomes.
/// </summary>
internal sealed class RootCauseGroups(List<RootCauseCandidate> candidates, List<RootCauseWaitGroup> waits, bool[] excluded, List<string> notes)
{
    /// <summary>The groups, each over the whole log, in the order a single analysis adds them.</summary>
    public IReadOnlyList<RootCauseCandidate> Candidates { get; } = candidates;

    /// <summary>The wait factors (when process factors are included), in the order a single analysis adds them.</summary>
    public IReadOnlyList<RootCauseWaitGroup> Waits { get; } = waits;

    /// <summary>Per activity: left out as defining the outcome.</summary>
    public bool[] Excluded { get; } = excluded;

    /// <summary>Notes of the grouping (skipped attributes).</summary>
    public IReadOnlyList<string> Notes { get; } = notes;
}
