using System.Globalization;
using System.Security.Claims;

namespace Journeyscope.Server.Security;

/// <summary>What the caller of a request may do: its role in a workspace, whether it owns the server.</summary>
/// <remarks>Scoped; reads users and their roles through the <see cref="AccessCache"/>.</remarks>
public sealed class CallerAccess(SecurityDb db, AccessCache cache)
{
    private CachedUser? _user; // the request's user, read once per request even without the cache


    /// <summary>The caller's role in <paramref name="workspace"/>; null when it has none there.</summary>
    public async Task<WorkspaceRole?> RoleAsync(ClaimsPrincipal caller, string workspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (caller.FindFirstValue(CallerClaims.KeyPrefix) is not null)
        {
            var scope = (WorkspaceRole)int.Parse(caller.FindFirstValue(CallerClaims.KeyScope) ?? "0", CultureInfo.InvariantCulture);
            var keyWorkspace = caller.FindFirstValue(CallerClaims.KeyWorkspace);
            if (scope == WorkspaceRole.Owner && keyWorkspace is null)
            {
                return WorkspaceRole.Owner;
            }

            return string.Equals(keyWorkspace, workspace, StringComparison.Ordinal) ? scope : null;
        }

        var user = await UserAsync(caller, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return null;
        }

        if (user.IsOwner)
        {
            return WorkspaceRole.Owner;
        }

        return user.Roles.TryGetValue(workspace, out var role) ? role : null;
    }

    /// <summary>Whether the caller owns the server (an owner user or a server-wide owner key).</summary>
    public async Task<bool> IsOwnerAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (caller.FindFirstValue(CallerClaims.KeyPrefix) is not null)
        {
            return caller.FindFirstValue(CallerClaims.KeyWorkspace) is null
                && caller.FindFirstValue(CallerClaims.KeyScope) == ((int)WorkspaceRole.Owner).ToString(CultureInfo.InvariantCulture);
        }

        return (await UserAsync(caller, cancellationToken).ConfigureAwait(false))?.IsOwner == true;
    }

    /// <summary>The workspaces among <paramref name="workspaces"/> the caller may read.</summary>
    public async Task<IReadOnlyList<string>> ReadableAsync(ClaimsPrincipal caller, IReadOnlyList<string> workspaces, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspaces);
        if (await IsOwnerAsync(caller, cancellationToken).ConfigureAwait(false))
        {
            return workspaces;
        }

        var readable = new List<string>();
        foreach (var workspace in workspaces)
        {
            if (await RoleAsync(caller, workspace, cancellationToken).ConfigureAwait(false) is not null)
            {
                readable.Add(workspace);
            }
        }

        return readable;
    }

    private async Task<CachedUser?> UserAsync(ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        _user ??= CallerClaims.UserId(caller) is { } id ? await cache.UserAsync(db, id, cancellationToken).ConfigureAwait(false) : null;
}
