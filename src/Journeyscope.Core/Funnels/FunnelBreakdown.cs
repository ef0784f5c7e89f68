namespace Journeyscope.Funnels;

/// <summary>The funnel of the cases that share one value of the breakdown attribute.</summary>
/// <param name="Value">The value in its invariant text form; <c>null</c> for cases without a value.</param>
/// <param name="Steps">The step results of these cases.</param>
public sealed record FunnelBreakdown(string? Value, IReadOnlyList<FunnelStepResult> Steps);
