namespace Journeyscope.IO;

/// <summary>A CSV mapping value that cannot be used (<see cref="CsvMappingText.ToOptions"/>).</summary>
public sealed class CsvMappingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CsvMappingException()
        : this(string.Empty, "The CSV mapping is not valid.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public CsvMappingException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CsvMappingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    /// <param name="field">The <see cref="CsvMappingText"/> property at fault.</param>
    /// <param name="message">What is wrong, naming the field as the user calls it.</param>
    public CsvMappingException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The <see cref="CsvMappingText"/> property at fault (e.g. <c>TimeZone</c>).</summary>
    public string Field { get; }
}
