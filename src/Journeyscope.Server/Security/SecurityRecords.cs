namespace Journeyscope.Server.Security;

/// <summary>A member of a workspace: the user's name and role (viewer, analyst, admin).</summary>
public sealed record MemberItem(string UserName, string Role);

/// <summary>The members of a workspace.</summary>
public sealed record MemberList(string Workspace, IReadOnlyList<MemberItem> Members);

/// <summary>Adds a user to a workspace with a role; <c>POST /members</c>. A user that does not exist yet is created and invited with a one-time link.</summary>
public sealed record AddMemberRequest(string? UserName, string? Role);

/// <summary>The member added, and the one-time sign-in link of a user created by the invitation (null for an existing user).</summary>
public sealed record AddMemberResult(MemberItem Member, string? InvitationLink);

/// <summary>A secret key as listed: prefix, scope, name, times; never the key.</summary>
public sealed record SecretKeyItem(string Key, string Scope, string? Name, string? CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>Creates a secret key of the workspace; <c>POST /secret-keys</c>.</summary>
public sealed record CreateSecretKeyRequest(string? Scope, string? Name);

/// <summary>A created key: shown this once.</summary>
public sealed record CreatedSecretKey(string Key, string Scope, string Workspace);

/// <summary>One audit entry as the API returns it.</summary>
public sealed record AuditItem(long Id, DateTime At, string Action, string? Workspace, string? Actor, string? Target, string? Detail, string? Address);

/// <summary>Audit entries, newest first.</summary>
public sealed record AuditList(IReadOnlyList<AuditItem> Entries);

/// <summary>The caller's own access to a workspace: its name and role (viewer, analyst, admin or owner); <c>GET /me</c>.</summary>
public sealed record MyAccess(string Workspace, string Name, string Role, bool CanImport, bool CanAdminister);
