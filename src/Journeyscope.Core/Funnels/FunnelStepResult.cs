namespace Journeyscope.Funnels;

/// <summary>The counts and times of one funnel step, for all cases or for one breakdown value.</summary>
/// <param name="Index">The step's 0-based position.</param>
/// <param name="Label">The step's display name.</param>
/// <param name="Entered">Cases that reached this step (for an optional step: did it, or reached a later step).</param>
/// <param name="Converted">Cases that went on to reach the next step; for the last step, equal to <paramref name="Entered"/>.</param>
/// <param name="DroppedOff">Cases that reached this step and not the next (<c>Entered - Converted</c>).</param>
/// <param name="ConversionFromPrevious">Entered here / entered at the previous step (1 for the first step; 0 when nobody entered the previous one).</param>
/// <param name="ConversionFromFirst">Entered here / entered at the first step (0 when nobody entered).</param>
/// <param name="MedianTimeFromFirst">Median time from the first step to this one, over cases that did this step; <c>null</c> when none did (or for the first step).</param>
/// <param name="P90TimeFromFirst">90th percentile (linear interpolation) of the same times.</param>
/// <param name="MedianTimeFromPrevious">Median time from the previous step done to this one.</param>
/// <param name="P90TimeFromPrevious">90th percentile of the same times.</param>
public sealed record FunnelStepResult(
    int Index,
    string Label,
    long Entered,
    long Converted,
    long DroppedOff,
    double ConversionFromPrevious,
    double ConversionFromFirst,
    TimeSpan? MedianTimeFromFirst,
    TimeSpan? P90TimeFromFirst,
    TimeSpan? MedianTimeFromPrevious,
    TimeSpan? P90TimeFromPrevious);
