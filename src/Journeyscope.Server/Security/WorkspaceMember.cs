namespace Journeyscope.Server.Security;

/// <summary>A user's role in one workspace.</summary>
public sealed class WorkspaceMember
{
    /// <summary>The row's id.</summary>
    public int Id { get; set; }

    /// <summary>The user's id (<see cref="JourneyscopeUser"/>).</summary>
    public string UserId { get; set; } = "";

    /// <summary>The workspace's name.</summary>
    public string Workspace { get; set; } = "";

    /// <summary>The role (viewer, analyst or admin).</summary>
    public WorkspaceRole Role { get; set; }
}
