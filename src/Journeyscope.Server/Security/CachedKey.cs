namespace Journeyscope.Server.Security;

/// <summary>What authorisation needs of a secret key (<see cref="AccessCache"/>).</summary>
/// <param name="Id">The key's row.</param>
/// <param name="Prefix">Its public prefix.</param>
/// <param name="Scope">What it may do.</param>
/// <param name="Workspace">Its workspace; null for a server-wide key.</param>
public sealed record CachedKey(int Id, string Prefix, WorkspaceRole Scope, string? Workspace)
{
    /// <summary>When its use was last recorded (written at most once a minute).</summary>
    public DateTime? LastUsedAt { get; set; }
}
