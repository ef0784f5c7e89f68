namespace Journeyscope.Server.Api.Dtos;

/// <summary>The body of POST /api/v1/workspaces.</summary>
/// <param name="Name">The new workspace's name: 1 to 64 letters, digits, '.', '-' or '_'.</param>
public sealed record CreateWorkspaceRequest(string? Name);
