namespace Journeyscope.Server.Api.Dtos;

/// <summary>A computed funnel (POST /api/v1/workspaces/{ws}/funnels): the same figures as <c>journeyscope funnel --format json</c>.</summary>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Version">The workspace version.</param>
/// <param name="Cases">Cases in the (filtered) log, entered or not.</param>
/// <param name="WindowSeconds">The conversion window, or <c>null</c>.</param>
/// <param name="StrictOrder">Whether steps had to follow each other directly.</param>
/// <param name="Steps">Per step, over all cases.</param>
/// <param name="BreakdownAttribute">The breakdown attribute, or <c>null</c>.</param>
/// <param name="Breakdown">Per breakdown value (largest first step first); empty without a breakdown.</param>
/// <param name="DropOffs">The requested page of drop-off cases, or <c>null</c>.</param>
public sealed record FunnelResponse(
    string TimeBasis,
    long Version,
    long Cases,
    double? WindowSeconds,
    bool StrictOrder,
    IReadOnlyList<FunnelStepItem> Steps,
    string? BreakdownAttribute,
    IReadOnlyList<FunnelBreakdownItem> Breakdown,
    FunnelDropOffPage? DropOffs);
