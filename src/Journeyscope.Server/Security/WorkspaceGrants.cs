using Microsoft.EntityFrameworkCore;

namespace Journeyscope.Server.Security;

/// <summary>Keeps memberships and keys with their workspace when it is renamed or deleted.</summary>
/// <remarks>
/// Without this, a workspace created later under a deleted one's name would inherit its members and keys.
/// </remarks>
public static class WorkspaceGrants
{
    /// <summary>Moves the members and keys of <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static async Task RenameAsync(SecurityDb db, string from, string to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Members.Where(m => m.Workspace == from).ExecuteUpdateAsync(m => m.SetProperty(x => x.Workspace, to), cancellationToken).ConfigureAwait(false);
        await db.ApiKeys.Where(k => k.Workspace == from).ExecuteUpdateAsync(k => k.SetProperty(x => x.Workspace, to), cancellationToken).ConfigureAwait(false);
        db.Changes?.Touch();
    }

    /// <summary>Removes the members of a deleted workspace and revokes its keys.</summary>
    public static async Task ForgetAsync(SecurityDb db, string workspace, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Members.Where(m => m.Workspace == workspace).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.ApiKeys.Where(k => k.Workspace == workspace && k.RevokedAt == null)
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, now), cancellationToken).ConfigureAwait(false);
        db.Changes?.Touch();
    }
}
