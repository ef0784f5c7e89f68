using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Journeyscope.Server.Security;

/// <summary>The security store: Identity's users, roles and tokens, workspace memberships, secret keys and the audit log.</summary>
public sealed class SecurityDb(DbContextOptions<SecurityDb> options, SecurityChanges? changes = null) : IdentityDbContext<JourneyscopeUser>(options)
{
    /// <summary>Where changes to grants, keys and users are announced (null outside the server and the CLI).</summary>
    public SecurityChanges? Changes => changes;

    /// <summary>Users' roles per workspace.</summary>
    public DbSet<WorkspaceMember> Members => Set<WorkspaceMember>();

    /// <summary>Secret API keys (hashes).</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>The audit log.</summary>
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var changed = ChangesAccess();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (changed)
        {
            changes?.Touch();
        }

        return saved;
    }

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = ChangesAccess();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        if (changed)
        {
            changes?.Touch();
        }

        return saved;
    }

    /// <summary>Whether the pending changes touch what authorisation reads: users, memberships, keys (a key's last use aside).</summary>
    private bool ChangesAccess() => ChangeTracker.Entries().Any(e =>
        (e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
        && (e.Entity is JourneyscopeUser or WorkspaceMember or ApiKey)
        && !(e.Entity is ApiKey && e.State == EntityState.Modified
            && e.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(ApiKey.LastUsedAt))));

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
