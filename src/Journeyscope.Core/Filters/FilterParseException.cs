namespace Journeyscope.Filters;

/// <summary>A filter expression that does not follow the filter syntax; the message names the position and what was expected.</summary>
public sealed class FilterParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public FilterParseException(string filter, int position, string expected, string found)
        : base($"Invalid filter \"{filter}\" at position {position + 1}: expected {expected}, found {found}.")
    {
        Filter = filter;
        Position = position;
        Expected = expected;
        Found = found;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public FilterParseException()
        : this(string.Empty, 0, "a filter", "nothing")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public FilterParseException(string message)
        : base(message)
    {
        Filter = string.Empty;
        Expected = string.Empty;
        Found = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public FilterParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Filter = string.Empty;
        Expected = string.Empty;
        Found = string.Empty;
    }

    /// <summary>The filter text.</summary>
    public string Filter { get; }

    /// <summary>Zero-based position in <see cref="Filter"/> where parsing failed.</summary>
    public int Position { get; }

    /// <summary>What the parser expected there.</summary>
    public string Expected { get; }

    /// <summary>What it found instead.</summary>
    public string Found { get; }
}
