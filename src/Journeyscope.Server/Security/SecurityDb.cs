using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Journeyscope.Server.Security;

/// <summary>The security store: Identity's users, roles and tokens, workspace memberships, secret keys and the audit log.</summary>
public sealed class SecurityDb(DbContextOptions<SecurityDb> options) : IdentityDbContext<JourneyscopeUser>(options)
{
    /// <summary>Users' roles per workspace.</summary>
    public DbSet<WorkspaceMember> Members => Set<WorkspaceMember>();

    /// <summary>Secret API keys (hashes).</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>The audit log.</summary>
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<WorkspaceMember>(member =>
        {
            member.ToTable("WorkspaceMembers");
            member.HasIndex(m => new { m.UserId, m.Workspace }).IsUnique();
            member.HasIndex(m => m.Workspace);
            member.Property(m => m.Workspace).HasMaxLength(64);
        });
        builder.Entity<ApiKey>(key =>
        {
            key.ToTable("ApiKeys");
            key.HasIndex(k => k.Prefix).IsUnique();
            key.Property(k => k.Prefix).HasMaxLength(16);
            key.Property(k => k.Workspace).HasMaxLength(64);
        });
        builder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("AuditLog");
            audit.HasIndex(a => new { a.Workspace, a.Id });
        });
    }
}
