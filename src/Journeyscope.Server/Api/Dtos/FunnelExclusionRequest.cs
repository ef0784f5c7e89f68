namespace Journeyscope.Server.Api.Dtos;

/// <summary>An event that stops a case's progress when it happens between two steps.</summary>
/// <param name="Activities">The activities that disqualify (any of them).</param>
/// <param name="Text">Or the event in the step text syntax.</param>
/// <param name="Conditions">Extra conditions in the filter syntax.</param>
/// <param name="FromStep">The 1-based step after which the exclusion applies (default 1).</param>
/// <param name="ToStep">The 1-based step before which it applies (default the last step).</param>
public sealed record FunnelExclusionRequest(
    IReadOnlyList<string>? Activities = null,
    string? Text = null,
    IReadOnlyList<string>? Conditions = null,
    int? FromStep = null,
    int? ToStep = null);
