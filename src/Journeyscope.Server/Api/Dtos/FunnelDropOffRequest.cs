namespace Journeyscope.Server.Api.Dtos;

/// <summary>Which drop-offs to list: the cases that reached <see cref="Step"/> and not the next step.</summary>
/// <param name="Step">The 1-based step (not the last).</param>
/// <param name="ByBreakdown">When <c>true</c>, only the cases whose breakdown value is <see cref="BreakdownValue"/>.</param>
/// <param name="BreakdownValue">The breakdown value (<c>null</c>: the cases without a value); used with <see cref="ByBreakdown"/>.</param>
/// <param name="Page">The 1-based page (default 1).</param>
/// <param name="PageSize">Case ids per page (default 50, at most 1,000).</param>
public sealed record FunnelDropOffRequest(int Step, bool ByBreakdown = false, string? BreakdownValue = null, int? Page = null, int? PageSize = null);
