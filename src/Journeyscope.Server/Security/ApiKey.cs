namespace Journeyscope.Server.Security;

/// <summary>A secret API key as stored: its prefix and hash, never the key.</summary>
public sealed class ApiKey
{
    /// <summary>The row's id.</summary>
    public int Id { get; set; }

    /// <summary>The key's first characters (<c>jsk_</c> and 8 more), shown in lists and used to find it.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the whole key.</summary>
    public byte[] Hash { get; set; } = [];

    /// <summary>The workspace the key works on; null for a server-wide owner key.</summary>
    public string? Workspace { get; set; }

    /// <summary>What the key may do: read (viewer), write (analyst), admin, or owner (server-wide).</summary>
    public WorkspaceRole Scope { get; set; }

    /// <summary>A label for people.</summary>
    public string? Name { get; set; }

    /// <summary>Who created it (a user name, or <c>cli</c>).</summary>
    public string? CreatedBy { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it was last used (UTC, to the minute).</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>When it was revoked (UTC); a revoked key authenticates nothing.</summary>
    public DateTime? RevokedAt { get; set; }
}
