using Journeyscope.Server.Security;

namespace Journeyscope.Server.Services;

/// <summary>
/// The one authorisation hook of the workspace-scoped API (<c>/api/v1/workspaces/{ws}/...</c>): every request passes
/// here before its handler. It checks that the workspace exists and that the caller has the role the endpoint declares
/// (<see cref="WorkspaceRoleRequirement"/>; none declared means admin, the strictest).
/// </summary>
/// <remarks>
/// A workspace the caller has no role in answers 404 like an unknown one, so that its existence is not disclosed; a
/// role too weak for the endpoint answers 403.
/// </remarks>
public sealed class WorkspaceAccessFilter(WorkspaceHost host, CallerAccess access) : IEndpointFilter
{
    /// <summary>The route parameter naming the workspace.</summary>
    public const string RouteParameter = "ws";

    /// <summary>The role an endpoint needs when it declares none.</summary>
    public const WorkspaceRole DefaultRequirement = WorkspaceRole.Admin;

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var name = http.Request.RouteValues[RouteParameter] as string;
        var role = host.Exists(name) ? await access.RoleAsync(http.User, name!, http.RequestAborted).ConfigureAwait(false) : null;
        if (role is null)
        {
            return TypedResults.Problem(
                title: "Unknown workspace",
                detail: WorkspaceHost.IsValidName(name)
                    ? $"There is no workspace named '{name}' that you can see. List yours with GET /api/v1/workspaces; the server owner creates workspaces and adds members."
                    : WorkspaceHost.NameRule(name),
                statusCode: StatusCodes.Status404NotFound);
        }

        var needed = http.GetEndpoint()?.Metadata.GetMetadata<WorkspaceRoleRequirement>()?.Role ?? DefaultRequirement;
        if (role < needed)
        {
            return TypedResults.Problem(
                title: "Not allowed",
                detail: $"This needs the {WorkspaceRoles.Name(needed)} role in '{name}'; you are {WorkspaceRoles.Name(role.Value)}. " +
                    "A workspace admin can change your role.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context).ConfigureAwait(false);
    }
}
