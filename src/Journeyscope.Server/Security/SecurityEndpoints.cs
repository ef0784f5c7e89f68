using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Journeyscope.Server.Security;

/// <summary>A workspace's members, secret keys and audit log: <c>/api/v1/workspaces/{ws}/members|secret-keys|audit</c> (admins).</summary>
internal static class SecurityEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/me", Me).WithName("GetMyAccess").WithSummary("Who the caller is and its role in the workspace (what the UI shows and hides).")
            .RequireWorkspaceRole(WorkspaceRole.Viewer);
        workspace.MapGet("/members", ListMembers).WithName("ListMembers").WithSummary("The workspace's members and their roles.")
            .RequireWorkspaceRole(WorkspaceRole.Admin);
        workspace.MapPost("/members", AddMember).WithName("AddMember")
            .WithSummary("Adds a user with a role (viewer, analyst, admin); a new user name creates the account and returns its one-time sign-in link.")
            .RequireWorkspaceRole(WorkspaceRole.Admin);
        workspace.MapDelete("/members/{userName}", RemoveMember).WithName("RemoveMember").WithSummary("Removes a member from the workspace.")
            .RequireWorkspaceRole(WorkspaceRole.Admin);
        workspace.MapGet("/secret-keys", ListKeys).WithName("ListSecretKeys").WithSummary("The workspace's secret keys (prefixes, never the keys).")
            .RequireWorkspaceRole(WorkspaceRole.Admin);
        workspace.MapPost("/secret-keys", CreateKey).WithName("CreateSecretKey")
            .WithSummary("Creates a secret key with a scope (read, write, admin); the key is in this answer only.")
            .RequireWorkspaceRole(WorkspaceRole.Admin);
        workspace.MapDelete("/secret-keys/{prefix}", RevokeKey).WithName("RevokeSecretKey").WithSummary("Revokes a secret key.")
            .RequireWorkspaceRole(WorkspaceRole.Admin);
        workspace.MapGet("/audit", Audit).WithName("GetAuditLog")
            .WithSummary("The workspace's audit log, newest first (format=csv for CSV).")
            .RequireWorkspaceRole(WorkspaceRole.Admin);
    }

    private static async Task<IResult> Me(string ws, HttpContext http, CallerAccess access)
    {
        var role = await access.RoleAsync(http.User, ws, http.RequestAborted).ConfigureAwait(false) ?? WorkspaceRole.Viewer;
        return TypedResults.Ok(new MyAccess(ws, CallerClaims.Describe(http.User), WorkspaceRoles.Name(role), role >= WorkspaceRole.Analyst, role >= WorkspaceRole.Admin));
    }

    private static async Task<IResult> ListMembers(string ws, SecurityDb db, CancellationToken cancellationToken)
    {
        var members = await (from m in db.Members.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             where m.Workspace == ws
                             orderby u.UserName
                             select new { u.UserName, m.Role }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new MemberList(ws, members.Select(m => new MemberItem(m.UserName ?? "", WorkspaceRoles.Name(m.Role))).ToList()));
    }

    private static async Task<IResult> AddMember(
        string ws, AddMemberRequest request, HttpContext http, SecurityDb db, UserManager<JourneyscopeUser> users, AuditLog audit, TimeProvider time)
    {
        var name = request?.UserName?.Trim();
        var role = WorkspaceRoles.Parse(request?.Role);
        if (string.IsNullOrEmpty(name) || role is null or WorkspaceRole.Owner)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid member",
                "Give a userName and a role: viewer (read), analyst (read, import, edit journeys) or admin (members, keys, audit).");
        }

        var user = await users.FindByNameAsync(name).ConfigureAwait(false);
        string? link = null;
        if (user is null)
        {
            user = new JourneyscopeUser { UserName = name, CreatedAt = time.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user).ConfigureAwait(false);
            if (!created.Succeeded)
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid user name", string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            link = await SignInLinks.IssueAsync(users, user).ConfigureAwait(false);
            await audit.WriteAsync(http, "user-invited", ws, name).ConfigureAwait(false);
        }

        var member = await db.Members.FirstOrDefaultAsync(m => m.UserId == user.Id && m.Workspace == ws, http.RequestAborted).ConfigureAwait(false);
        if (member is null)
        {
            db.Members.Add(new WorkspaceMember { UserId = user.Id, Workspace = ws, Role = role.Value });
        }
        else
        {
            member.Role = role.Value;
        }

        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        await audit.WriteAsync(http, "role-changed", ws, name, WorkspaceRoles.Name(role.Value)).ConfigureAwait(false);
        return TypedResults.Ok(new AddMemberResult(new MemberItem(name, WorkspaceRoles.Name(role.Value)), link));
    }

    private static async Task<IResult> RemoveMember(string ws, string userName, HttpContext http, SecurityDb db, AuditLog audit)
    {
        var member = await (from m in db.Members
                            join u in db.Users on m.UserId equals u.Id
                            where m.Workspace == ws && u.UserName == userName
                            select m).FirstOrDefaultAsync(http.RequestAborted).ConfigureAwait(false);
        if (member is null)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown member", $"'{userName}' is no member of '{ws}'. List them with GET members.");
        }

        db.Members.Remove(member);
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        await audit.WriteAsync(http, "member-removed", ws, userName).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ListKeys(string ws, SecurityDb db, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.Workspace == ws).OrderBy(k => k.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(keys.Select(Item).ToList());
    }

    private static async Task<IResult> CreateKey(string ws, CreateSecretKeyRequest request, HttpContext http, SecurityDb db, AuditLog audit, TimeProvider time)
    {
        var scope = WorkspaceRoles.Parse(request?.Scope);
        if (scope is null or WorkspaceRole.Owner)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid scope", "Give a scope: read, write (import, edit journeys) or admin.");
        }

        var key = await SecretKeys.CreateAsync(db, ws, scope.Value, request?.Name, CallerClaims.Describe(http.User), time, http.RequestAborted).ConfigureAwait(false);
        await audit.WriteAsync(http, "key-created", ws, key[..SecretKeys.PrefixLength], WorkspaceRoles.Scope(scope.Value)).ConfigureAwait(false);
        return TypedResults.Ok(new CreatedSecretKey(key, WorkspaceRoles.Scope(scope.Value), ws));
    }

    private static async Task<IResult> RevokeKey(string ws, string prefix, HttpContext http, SecurityDb db, AuditLog audit, TimeProvider time)
    {
        var key = await SecretKeys.RevokeAsync(db, prefix, ws, time, http.RequestAborted).ConfigureAwait(false)
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown key", $"'{prefix}' is no key of '{ws}'. List them with GET secret-keys.");
        await audit.WriteAsync(http, "key-revoked", ws, key.Prefix).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Audit(string ws, string? format, int? limit, HttpContext http, AuditLog audit)
    {
        var entries = await audit.ReadAsync(ws, limit ?? 1000, http.RequestAborted).ConfigureAwait(false);
        await audit.WriteAsync(http, "audit-exported", ws, null, format ?? "json").ConfigureAwait(false);
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Text(AuditLog.ToCsv(entries), "text/csv");
        }

        return TypedResults.Ok(new AuditList(entries.Select(e => new AuditItem(e.Id, e.At, e.Action, e.Workspace, e.Actor, e.Target, e.Detail, e.Address)).ToList()));
    }

    private static SecretKeyItem Item(ApiKey k) =>
        new(SecretKeys.Display(k.Prefix), WorkspaceRoles.Scope(k.Scope), k.Name, k.CreatedBy, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}
