using Journeyscope.Filters;
using Journeyscope.IO;
using Journeyscope.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Journeyscope.Server.Services;

/// <summary>
/// Turns the exceptions that mean "bad input" into ProblemDetails with an actionable detail: a bad filter (400, with
/// the position), a file the importer cannot read (422, with file, line or byte offset, field and reason), an
/// unusable workspace database (409), a request over the size limit (413) and the API's own <see cref="ApiProblemException"/>.
/// </summary>
/// <remarks>Anything else falls through to the default handler (500 without internals).</remarks>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody reads a response.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var problem = Describe(exception);
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
    }

    private static ProblemDetails? Describe(Exception exception)
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
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "The file cannot be imported",
                    Detail = import.Message,
                    Extensions =
                    {
                        ["source"] = import.Source,
                        ["line"] = import.Line,
                        ["byteOffset"] = import.ByteOffset,
                        ["field"] = import.Field,
                        ["reason"] = import.Reason,
                    },
                };
            case WorkspaceException workspace:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "The workspace cannot be used",
                    Detail = workspace.Message,
                };
            case BadHttpRequestException bad:
                return new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request",
                    Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? "The request body is larger than the server accepts. Split the file, or raise Journeyscope:MaxImportBytes."
                        : bad.Message,
                };
            case InvalidDataException data:
                // Multipart bodies over the form limits end up here.
                return new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request too large",
                    Detail = data.Message + " Split the file, or raise Journeyscope:MaxImportBytes.",
                };
            default:
                return null;
        }
    }
}
