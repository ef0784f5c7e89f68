namespace Journeyscope.Server.Api.Dtos;

/// <summary>The body of PATCH /api/v1/workspaces/{ws}: the workspace's new name.</summary>
/// <param name="Name">The new name: 1 to 64 letters, digits, '.', '-' or '_'.</param>
public sealed record RenameWorkspaceRequest(string? Name);
