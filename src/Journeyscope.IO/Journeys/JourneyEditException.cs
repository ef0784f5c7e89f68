namespace Journeyscope.IO.Journeys;

/// <summary>A journey file cannot be edited as asked: the touchpoint is missing, or the field is not a plain value.</summary>
public sealed class JourneyEditException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JourneyEditException()
    {
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    public JourneyEditException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public JourneyEditException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
