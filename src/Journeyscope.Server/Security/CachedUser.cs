namespace Journeyscope.Server.Security;

/// <summary>What authorisation needs of a user (<see cref="AccessCache"/>).</summary>
/// <param name="Id">The user's id.</param>
/// <param name="UserName">The user's name.</param>
/// <param name="IsOwner">Whether the user owns the server.</param>
/// <param name="Roles">The user's role per workspace.</param>
public sealed record CachedUser(string Id, string? UserName, bool IsOwner, IReadOnlyDictionary<string, WorkspaceRole> Roles);
