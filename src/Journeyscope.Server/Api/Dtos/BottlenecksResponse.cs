namespace Journeyscope.Server.Api.Dtos;

/// <summary>The bottlenecks (GET /api/v1/workspaces/{ws}/bottlenecks): hand-overs by total waiting time.</summary>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Version">The workspace version.</param>
/// <param name="TotalWaitingSeconds">The waiting time of all cases.</param>
/// <param name="UsesCalendar">Whether times count working time only.</param>
/// <param name="Bottlenecks">The worst hand-overs, costliest first.</param>
public sealed record BottlenecksResponse(string TimeBasis, long Version, double TotalWaitingSeconds, bool UsesCalendar, IReadOnlyList<BottleneckItem> Bottlenecks);
