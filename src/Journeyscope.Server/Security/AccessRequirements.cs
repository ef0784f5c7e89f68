namespace Journeyscope.Server.Security;

/// <summary>Endpoint metadata: the least role a caller needs in the route's workspace (read by <see cref="Services.WorkspaceAccessFilter"/>).</summary>
/// <param name="Role">Viewer for reads, analyst for imports and journey edits, admin for members, keys, audit and erasure.</param>
public sealed record WorkspaceRoleRequirement(WorkspaceRole Role);

/// <summary>Endpoint metadata: only the server owner may call it (creating workspaces and users).</summary>
public sealed record ServerOwnerRequirement;

/// <summary>Endpoint metadata: any signed-in caller may call it; the handler shows only what the caller may see.</summary>
public sealed record SignedInRequirement;

/// <summary>Declares what an endpoint needs: every endpoint of the API declares one (the tenant-isolation test checks it).</summary>
public static class AccessRequirements
{
    /// <summary>
    /// The least role the caller needs in the workspace of the route. An endpoint of the workspace group without it
    /// needs admin, the strictest.
    /// </summary>
    public static TBuilder RequireWorkspaceRole<TBuilder>(this TBuilder builder, WorkspaceRole role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new WorkspaceRoleRequirement(role));

    /// <summary>Only the server owner (an owner user or a server-wide owner key) may call it; others get 403.</summary>
    public static TBuilder RequireServerOwner<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ServerOwnerRequirement()).AddEndpointFilter<TBuilder, ServerOwnerFilter>();

    /// <summary>Writes an audit entry (<paramref name="action"/>, the route's workspace and id) after each successful call.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context).ConfigureAwait(false);
            var http = context.HttpContext;
            if (http.Response.StatusCode < 400 && result is not IStatusCodeHttpResult { StatusCode: >= 400 })
            {
                var values = http.Request.RouteValues;
                await http.RequestServices.GetRequiredService<AuditLog>()
                    .WriteAsync(http, action, values[Services.WorkspaceAccessFilter.RouteParameter] as string, values["id"] as string ?? http.Request.Path.Value)
                    .ConfigureAwait(false);
            }

            return result;
        });

    /// <summary>Any signed-in caller may call it (the handler filters what it shows by the caller's roles).</summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SignedInRequirement()).RequireAuthorization();
}
