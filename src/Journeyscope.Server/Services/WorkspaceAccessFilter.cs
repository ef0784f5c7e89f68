namespace Journeyscope.Server.Services;

/// <summary>
/// The one authorisation hook of the workspace-scoped API (<c>/api/v1/workspaces/{ws}/...</c>): every request passes
/// here before its handler. Today it checks that the workspace exists (404 ProblemDetails otherwise); API keys
/// scoped to workspaces plug in here.
/// </summary>
public sealed class WorkspaceAccessFilter(WorkspaceHost host) : IEndpointFilter
{
    /// <summary>The route parameter naming the workspace.</summary>
    public const string RouteParameter = "ws";

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var name = context.HttpContext.Request.RouteValues[RouteParameter] as string;
        if (!host.Exists(name))
        {
            return TypedResults.Problem(
                title: "Unknown workspace",
                detail: WorkspaceHost.IsValidName(name)
                    ? $"There is no workspace named '{name}'. List the workspaces with GET /api/v1/workspaces or create it with POST /api/v1/workspaces."
                    : WorkspaceHost.NameRule(name),
                statusCode: StatusCodes.Status404NotFound);
        }

        return await next(context).ConfigureAwait(false);
    }
}
