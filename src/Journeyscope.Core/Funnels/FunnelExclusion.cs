namespace Journeyscope.Funnels;

/// <summary>
/// An exclusion: an event matching <see cref="Event"/> after a case reached step <see cref="FromStep"/> and before it reached
/// step <see cref="ToStep"/> ends that attempt's progress. The case keeps the depth it had reached.
/// </summary>
/// <param name="Event">The events that disqualify (activities and conditions, as for a step).</param>
/// <param name="FromStep">The first step (0-based) after which the exclusion applies.</param>
/// <param name="ToStep">The step (0-based) before which it applies; <c>null</c> for the last step.</param>
public sealed record FunnelExclusion(FunnelStep Event, int FromStep = 0, int? ToStep = null);
