namespace Journeyscope.Server.Api.Dtos;

/// <summary>The body of <c>POST /api/v1/workspaces/{ws}/erasures</c>.</summary>
/// <param name="Customer">The customer's id (or any id merged into it).</param>
/// <param name="DryRun">Count what would be removed, change nothing.</param>
public sealed record ErasureRequest(string? Customer, bool DryRun = false);
