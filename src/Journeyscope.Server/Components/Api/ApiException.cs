using System.Net;

namespace Journeyscope.Server.Components.Api;

/// <summary>An API call that failed, with the ProblemDetails title and detail the API returned.</summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(HttpStatusCode status, string title, string? detail)
        : base(detail is null ? title : title + ": " + detail)
    {
        Status = status;
        Title = title;
        Detail = detail;
    }

    /// <summary>Creates the exception with a message.</summary>
    public ApiException()
        : this(HttpStatusCode.InternalServerError, "API call failed", null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ApiException(string message)
        : this(HttpStatusCode.InternalServerError, message, null)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = HttpStatusCode.InternalServerError;
        Title = message;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The problem's title.</summary>
    public string Title { get; }

    /// <summary>The problem's detail, a message a user can act on.</summary>
    public string? Detail { get; }
}
