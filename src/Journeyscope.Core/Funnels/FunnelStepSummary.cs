namespace Journeyscope.Funnels;

/// <summary>One step of a funnel result: counts, conversions and times to convert (seconds).</summary>
/// <param name="Step">The 1-based step.</param>
/// <param name="Label">The step's display name.</param>
/// <param name="Entered">Cases that reached this step (an optional step also counts cases that skipped it and went further).</param>
/// <param name="Converted">Cases that reached the next step (for the last step: <paramref name="Entered"/>).</param>
/// <param name="DroppedOff">Entered minus converted.</param>
/// <param name="ConversionFromPrevious">Entered / entered at the previous step (1 for the first step).</param>
/// <param name="ConversionFromFirst">Entered / entered at the first step.</param>
/// <param name="MedianSecondsFromFirst">Median time from the first step, or <c>null</c> when nobody did this step.</param>
/// <param name="P90SecondsFromFirst">90th percentile of the same times.</param>
/// <param name="MedianSecondsFromPrevious">Median time from the previous step done.</param>
/// <param name="P90SecondsFromPrevious">90th percentile of the same times.</param>
public sealed record FunnelStepSummary(
    int Step,
    string Label,
    long Entered,
    long Converted,
    long DroppedOff,
    double ConversionFromPrevious,
    double ConversionFromFirst,
    double? MedianSecondsFromFirst,
    double? P90SecondsFromFirst,
    double? MedianSecondsFromPrevious,
    double? P90SecondsFromPrevious);
