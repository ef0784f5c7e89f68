using Journeyscope.Filters;
using Journeyscope.IO;
using Journeyscope.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Journeyscope.Server.Services;

/// <summary>
/// Turns the exceptions that mean "bad input" into ProblemDetails with an actionable detail: a bad filter (400, with
/// the position), a file the importer cannot read (422, with file, line or byte offset, field and reason), an
/// unusable workspace database (409), a malformed JSON body or parameter (400, with the position), a request over the size
/// limit (413) and the API's own <see cref="ApiProblemException"/>.
/// </summary>
/// <remarks>
/// Anything else is a bug: it is logged with the request's trace id and answered with a 500 whose detail names that id
/// but no internals. The server stays up either way.
/// </remarks>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away (the cancellation, or the body read that broke off); nobody reads a response.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var problem = Describe(exception, httpContext);
        if (problem is null)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty, httpContext.TraceIdentifier);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Unexpected error",
                Detail = $"The server could not complete the request because of an unexpected error; it has been logged with trace id {httpContext.TraceIdentifier}. Please report it with that id.",
                Extensions = { ["traceId"] = httpContext.TraceIdentifier },
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = problem.Status >= StatusCodes.Status500InternalServerError ? null : exception,
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method} {Path} (trace id {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path, string traceId);

    private static ProblemDetails? Describe(Exception exception, HttpContext httpContext)
    {
        switch (exception)
        {
            case ApiProblemException api:
                var result = new ProblemDetails { Status = api.StatusCode, Title = api.Title, Detail = api.Message };
                foreach (var (key, value) in api.Extensions)
                {
                    result.Extensions[key] = value;
                }

                return result;
            case FilterParseException filter:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Invalid filter",
                    Detail = filter.Message + " See docs/filters.md for the syntax.",
                    Extensions =
                    {
                        ["filter"] = filter.Filter,
                        ["position"] = filter.Position,
                        ["expected"] = filter.Expected,
                        ["found"] = filter.Found,
                    },
                };
            case ImportException import:
                return new ProblemDetails
                {
                    Status = import.ExceededBudget is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status413PayloadTooLarge,
                    Title = import.ExceededBudget is null ? "The file cannot be imported" : "The file exceeds an import budget",
                    Detail = import.Message,
                    Extensions =
                    {
                        ["source"] = import.Source,
                        ["line"] = import.Line,
                        ["byteOffset"] = import.ByteOffset,
                        ["field"] = import.Field,
                        ["reason"] = import.Reason,
                        ["budget"] = import.ExceededBudget?.ToString(),
                    },
                };
            case WorkspaceException workspace:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "The workspace cannot be used",
                    Detail = workspace.Message,
                };
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return TooLarge(httpContext);
            case BadHttpRequestException bad:
                return new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = "Bad request",
                    Detail = bad.InnerException is System.Text.Json.JsonException json
                        ? $"The request body is not valid JSON for this endpoint: {json.Message} Send a JSON object as shown in the API reference (/api)."
                        : bad.Message,
                };
            case InvalidDataException data:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Malformed request body",
                    Detail = "The request body cannot be read: " + data.Message,
                };
            default:
                return null;
        }
    }

    private static ProblemDetails TooLarge(HttpContext httpContext)
    {
        var limit = httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        var isImport = httpContext.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null;
        return new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "Request too large",
            Detail = (limit is { } l ? $"The request body is larger than the {l:N0} bytes this endpoint accepts. " : "The request body is larger than this endpoint accepts. ")
                + (isImport ? "Split the file, or raise Journeyscope:MaxImportBytes." : "Send a smaller body, or raise Journeyscope:MaxRequestBytes."),
        };
    }
}
