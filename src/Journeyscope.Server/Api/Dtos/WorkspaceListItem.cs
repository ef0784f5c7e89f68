namespace Journeyscope.Server.Api.Dtos;

/// <summary>One hosted workspace.</summary>
/// <param name="Name">The workspace name (its folder name).</param>
/// <param name="IsDefault">Whether it is the default workspace.</param>
public sealed record WorkspaceListItem(string Name, bool IsDefault);
