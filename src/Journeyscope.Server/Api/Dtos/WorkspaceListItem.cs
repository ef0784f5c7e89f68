namespace Journeyscope.Server.Api.Dtos;

/// <summary>One hosted workspace.</summary>
/// <param name="Name">The workspace name (its folder name).</param>
/// <param name="IsDefault">Whether it is the default workspace (opened first; it cannot be renamed or deleted).</param>
/// <param name="Events">Its events (null when it could not be opened, e.g. locked by another process).</param>
/// <param name="Cases">Its cases (null when it could not be opened).</param>
public sealed record WorkspaceListItem(string Name, bool IsDefault, long? Events = null, long? Cases = null);
