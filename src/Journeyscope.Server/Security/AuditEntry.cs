namespace Journeyscope.Server.Security;

/// <summary>One line of the append-only audit log.</summary>
public sealed class AuditEntry
{
    /// <summary>The row's id, increasing.</summary>
    public long Id { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>What happened: <c>sign-in</c>, <c>sign-in-failed</c>, <c>key-created</c>, <c>import</c>...</summary>
    public string Action { get; set; } = "";

    /// <summary>The workspace it happened in; null for server-wide actions.</summary>
    public string? Workspace { get; set; }

    /// <summary>Who did it: a user name, <c>key:PREFIX</c> or <c>cli</c> (personal).</summary>
    public string? Actor { get; set; }

    /// <summary>What it was done to: a user name, a key prefix, a file name, a journey (may be personal).</summary>
    public string? Target { get; set; }

    /// <summary>More words: a role, a scope, a count.</summary>
    public string? Detail { get; set; }

    /// <summary>The caller's address (personal).</summary>
    public string? Address { get; set; }
}
