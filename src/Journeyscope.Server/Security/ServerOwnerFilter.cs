namespace Journeyscope.Server.Security;

/// <summary>Refuses callers that do not own the server (403), for endpoints declared with <see cref="AccessRequirements.RequireServerOwner"/>.</summary>
public sealed class ServerOwnerFilter(CallerAccess access) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!await access.IsOwnerAsync(http.User, http.RequestAborted).ConfigureAwait(false))
        {
            return TypedResults.Problem(
                title: "Only the server owner",
                detail: "Only the server's owner may do this. Ask the owner, or use an owner key (journeyscope keys create --secret --scope owner).",
                statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context).ConfigureAwait(false);
    }
}
