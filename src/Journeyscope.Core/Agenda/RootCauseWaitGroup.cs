namespace Journeyscope.Agenda;

/// <summary>
/// The outcome-independent part of one wait factor: the cases that waited longer than the median before an activity
/// (<see cref="Members"/>) among the cases that reached it from another activity (<see cref="Population"/>).
/// </summary>
internal sealed record RootCauseWaitGroup(string Activity, string Text, string Title, int[] Members, int[] Population)
{
    /// <summary>The untested candidate for an outcome given case by case.</summary>
    public RootCauseCandidate For(bool[] outcome)
    {
        var outcomes = 0;
        foreach (var c in Population)
        {
            outcomes += outcome[c] ? 1 : 0;
        }

        return new RootCauseCandidate(RootCauseAnalysis.WaitKind, Activity, Text, Title, Members, Population.Length, outcomes);
    }
}
