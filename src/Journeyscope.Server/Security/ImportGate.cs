namespace Journeyscope.Server.Security;

/// <summary>
/// One import at a time per workspace, so that one tenant's uploads cannot take every core while another waits: a second
/// import of the same workspace while one runs gets 429 with Retry-After. Imports are also written to the audit log.
/// </summary>
public sealed class ImportGate(ImportSlots slots) : IEndpointFilter
{
    /// <summary>Seconds a refused import is told to wait.</summary>
    public const int RetryAfterSeconds = 5;

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var workspace = http.Request.RouteValues[Services.WorkspaceAccessFilter.RouteParameter] as string ?? "";
        var gate = slots.Of(workspace);
        if (!await gate.WaitAsync(0, http.RequestAborted).ConfigureAwait(false))
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                title: "Another import is running",
                detail: $"'{workspace}' is importing another file. Imports of one workspace run one at a time; try again in a few seconds.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        try
        {
            var result = await next(context).ConfigureAwait(false);
            await http.RequestServices.GetRequiredService<AuditLog>().WriteAsync(http, "import", workspace, null, "status " + http.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .ConfigureAwait(false);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }
}
