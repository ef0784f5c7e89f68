namespace Journeyscope.Server.Services;

/// <summary>
/// A request the API cannot serve, with the status and an actionable detail; the error handler turns it into a
/// ProblemDetails response.
/// </summary>
public sealed class ApiProblemException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiProblemException(int statusCode, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(detail)
    {
        StatusCode = statusCode;
        Title = title;
        Extensions = extensions ?? new Dictionary<string, object?>();
    }

    /// <summary>Creates a 400 exception with a generic title.</summary>
    public ApiProblemException()
        : this(StatusCodes.Status400BadRequest, "Bad request", "The request is not valid.")
    {
    }

    /// <summary>Creates a 400 exception.</summary>
    public ApiProblemException(string message)
        : this(StatusCodes.Status400BadRequest, "Bad request", message)
    {
    }

    /// <summary>Creates a 400 exception with a cause.</summary>
    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCodes.Status400BadRequest;
        Title = "Bad request";
        Extensions = new Dictionary<string, object?>();
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The ProblemDetails title.</summary>
    public string Title { get; }

    /// <summary>Extra ProblemDetails members.</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; }
}
