namespace Journeyscope.Server.Security;

/// <summary>What a caller may do in a workspace, weakest first: each role includes the ones before it.</summary>
public enum WorkspaceRole
{
    /// <summary>Reads: summary, maps, variants, cases, journeys, KPIs, funnels, reports.</summary>
    Viewer = 1,

    /// <summary>Reads, imports, edits journeys, creates ingest keys.</summary>
    Analyst = 2,

    /// <summary>Everything in the workspace: members, secret keys, audit log, rename, delete, erasure.</summary>
    Admin = 3,

    /// <summary>The server owner: everything in every workspace, creates workspaces and users.</summary>
    Owner = 4,
}

/// <summary>The words for roles and key scopes that people type and read.</summary>
public static class WorkspaceRoles
{
    /// <summary>The role's word: viewer, analyst, admin, owner.</summary>
    public static string Name(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Viewer => "viewer",
        WorkspaceRole.Analyst => "analyst",
        WorkspaceRole.Admin => "admin",
        _ => "owner",
    };

    /// <summary>The key scope's word: read, write, admin, owner.</summary>
    public static string Scope(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Viewer => "read",
        WorkspaceRole.Analyst => "write",
        WorkspaceRole.Admin => "admin",
        _ => "owner",
    };

    /// <summary>Reads a role or a scope word (viewer/read, analyst/write/import, admin, owner); null when it is neither.</summary>
    public static WorkspaceRole? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "viewer" or "read" => WorkspaceRole.Viewer,
        "analyst" or "write" or "import" => WorkspaceRole.Analyst,
        "admin" => WorkspaceRole.Admin,
        "owner" => WorkspaceRole.Owner,
        _ => null,
    };
}
