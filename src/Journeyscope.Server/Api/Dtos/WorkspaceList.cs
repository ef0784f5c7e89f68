namespace Journeyscope.Server.Api.Dtos;

/// <summary>The hosted workspaces (GET /api/v1/workspaces).</summary>
/// <param name="DefaultWorkspace">The workspace the UI opens first.</param>
/// <param name="Workspaces">Every hosted workspace, sorted by name.</param>
public sealed record WorkspaceList(string DefaultWorkspace, IReadOnlyList<WorkspaceListItem> Workspaces);
