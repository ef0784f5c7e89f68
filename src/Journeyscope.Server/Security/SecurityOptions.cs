namespace Journeyscope.Server.Security;

/// <summary>Where the security store (users, memberships, keys, audit log) lives: <c>Journeyscope:Security</c>.</summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Journeyscope:Security";

    /// <summary>The SQLite provider (the default): a file in the workspaces folder.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The PostgreSQL provider: <see cref="ConnectionString"/> names the database.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The connection string: required for PostgreSQL; for SQLite it replaces the default file.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a one-time sign-in link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Failed sign-ins that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 10;

    /// <summary>Requests a minute per key or per user before 429 (a token bucket: short bursts of this size pass).</summary>
    public int RequestsPerMinute { get; set; } = 1200;

    /// <summary>Sign-in attempts a minute per client address before 429.</summary>
    public int SignInsPerMinute { get; set; } = 20;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether keys and users' roles are remembered between requests until the store changes (on by default). Turn it
    /// off when several servers on different machines share one PostgreSQL store: the change stamp is a file in the
    /// data folder.
    /// </summary>
    public bool AccessCache { get; set; } = true;

    /// <summary>Sign-in with an OpenID Connect provider (off unless its authority and client id are set).</summary>
    public OpenIdConnectSignInOptions OpenIdConnect { get; set; } = new();

    /// <summary>The reverse proxies whose <c>X-Forwarded-For/-Proto/-Host</c> headers are believed (none by default).</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
}
