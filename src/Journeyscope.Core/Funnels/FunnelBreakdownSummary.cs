namespace Journeyscope.Funnels;

/// <summary>The funnel of the cases sharing one breakdown value.</summary>
/// <param name="Value">The value, or <c>null</c> for cases without one.</param>
/// <param name="Steps">Their step results.</param>
public sealed record FunnelBreakdownSummary(string? Value, IReadOnlyList<FunnelStepSummary> Steps);
