using Microsoft.AspNetCore.Http.Metadata;

namespace Journeyscope.Server.Services;

/// <summary>
/// Gives the ProblemDetails the framework writes by itself (no route, wrong method, wrong content type, body too large)
/// a <c>detail</c> that says what was wrong, as every other error of the API has.
/// </summary>
internal static class StatusDetails
{
    /// <summary>Fills a missing detail from the status code and the request.</summary>
    public static void Fill(ProblemDetailsContext context)
    {
        if (!string.IsNullOrEmpty(context.ProblemDetails.Detail))
        {
            return;
        }

        var request = context.HttpContext.Request;
        context.ProblemDetails.Detail = context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound => $"There is no resource at {request.Path}. The API reference is at /api.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}. The API reference at /api lists the methods.",
            StatusCodes.Status415UnsupportedMediaType =>
                $"This endpoint does not accept the content type '{request.ContentType ?? "none"}'. Imports take multipart/form-data with the file in field 'file'; other endpoints take application/json.",
            StatusCodes.Status413PayloadTooLarge =>
                context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null
                    ? "The request body is larger than this endpoint accepts. Split the file, or raise Journeyscope:MaxImportBytes."
                    : "The request body is larger than this endpoint accepts. Send a smaller body, or raise Journeyscope:MaxRequestBytes.",
            StatusCodes.Status400BadRequest => "The request is not valid for this endpoint. The API reference is at /api.",
            _ => null,
        };
    }
}
