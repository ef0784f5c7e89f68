namespace Journeyscope.Conformance;

/// <summary>The token-based replay of one trace (one variant): PM4Py's token counts and fitness.</summary>
/// <param name="Produced">Tokens produced: the initial marking plus every fired transition's outputs.</param>
/// <param name="Consumed">Tokens consumed: every fired transition's inputs plus the final marking.</param>
/// <param name="Missing">Tokens that had to be added to fire a transition or to reach the final marking.</param>
/// <param name="Remaining">Tokens left over beyond the final marking at the end.</param>
/// <param name="UnknownActivities">Events whose activity no transition carries; they are skipped (as PM4Py does, they cost no tokens).</param>
public sealed record TokenReplayTrace(long Produced, long Consumed, long Missing, long Remaining, int UnknownActivities)
{
    /// <summary>PM4Py's trace fitness: <c>½(1 − missing/consumed) + ½(1 − remaining/produced)</c>; 1 when nothing was consumed or produced.</summary>
    public double Fitness => Consumed > 0 && Produced > 0
        ? (0.5 * (1.0 - ((double)Missing / Consumed))) + (0.5 * (1.0 - ((double)Remaining / Produced)))
        : 1.0;

    /// <summary>True when no token was missing or remaining (PM4Py's definition: skipped unknown activities do not count).</summary>
    public bool IsFitting => Missing == 0 && Remaining == 0;
}
