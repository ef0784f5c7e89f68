using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Services;

/// <summary>
/// Applies the request size limits: endpoints carrying <see cref="IRequestSizeLimitMetadata"/> (the imports) get their
/// own limit, every other request <see cref="JourneyscopeServerOptions.MaxRequestBytes"/>. A declared length over the
/// limit is refused at once with 413 ProblemDetails; a streamed body over it is cut off by the server.
/// </summary>
public sealed class RequestSizeLimits(RequestDelegate next, IOptions<JourneyscopeServerOptions> options, IProblemDetailsService problems)
{
    /// <summary>Runs the middleware.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? options.Value.MaxRequestBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request too large",
                    Detail = $"The request body has {context.Request.ContentLength:N0} bytes; this endpoint accepts at most {limit:N0}. " +
                        "Split the file, or raise the limit (Journeyscope:MaxImportBytes for imports, Journeyscope:MaxRequestBytes otherwise).",
                },
            }).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
