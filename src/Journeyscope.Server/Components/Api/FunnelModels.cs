namespace Journeyscope.Server.Components.Api;

// What the Funnels page sends (POST …/funnels, docs/api.md), camelCase on the wire; results are Core records.

/// <summary>A funnel as the Funnels page sends it (POST .../funnels).</summary>
internal sealed record FunnelRequestModel(
    IReadOnlyList<FunnelStepRequestModel> Steps,
    string? Order = null,
    string? Window = null,
    string? Breakdown = null,
    IReadOnlyList<string>? Filters = null,
    FunnelDropOffRequestModel? DropOffs = null,
    IReadOnlyList<FunnelExclusionModel>? Exclusions = null);

/// <summary>An exclusion: any of the activities between step <c>FromStep</c> and step <c>ToStep</c> (1-based) stops the case.</summary>
internal sealed record FunnelExclusionModel(IReadOnlyList<string> Activities, int FromStep, int ToStep);

/// <summary>One step: activities, or a journey's touchpoint.</summary>
internal sealed record FunnelStepRequestModel(
    IReadOnlyList<string>? Activities = null, string? Journey = null, string? Touchpoint = null, bool Optional = false, string? Window = null,
    IReadOnlyList<string>? Conditions = null);

internal sealed record FunnelDropOffRequestModel(int Step, bool ByBreakdown = false, string? BreakdownValue = null, int Page = 1, int PageSize = 50);
