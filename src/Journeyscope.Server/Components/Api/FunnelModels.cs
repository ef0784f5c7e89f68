namespace Journeyscope.Server.Components.Api;

// The JSON of the funnels, paths and retention endpoints (docs/api.md), camelCase on the wire.

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

/// <summary>An attribute of the workspace (GET .../workspaces/{ws}), offered as a breakdown or cohort.</summary>
internal sealed record WorkspaceAttributeModel(string Scope, string Name, string Type);

internal sealed record WorkspaceAttributesModel(IReadOnlyList<WorkspaceAttributeModel>? Attributes);
