using System.Text;
using Journeyscope.Journeys;

namespace Journeyscope.IO.Journeys;

/// <summary>Reads and writes designed journeys as YAML (the format of docs/journeys.md).</summary>
/// <remarks>
/// Reading never throws on bad content: every problem comes back as a <see cref="JourneyDiagnostic"/> with file, line
/// and column. Writing produces the documented form (the flow as nested YAML, durations as text), and reading what was
/// written gives an equal journey. Journey files are small; they are read whole. Thread-safe.
/// </remarks>
public static class JourneyYaml
{
    /// <summary>Reads a journey from YAML text.</summary>
    /// <param name="reader">The YAML text.</param>
    /// <param name="fileName">The file name to put in diagnostics and source locations.</param>
    public static JourneyReadResult Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        return JourneyReader.Read(reader, fileName);
    }

    /// <summary>Reads a journey file; diagnostics name the file as <paramref name="path"/> was given.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static JourneyReadResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return JourneyReader.Read(reader, path);
    }

    /// <summary>Reads a journey from YAML text in a string (for tests and the API).</summary>
    public static JourneyReadResult Parse(string yaml, string fileName = "journey.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        using var reader = new StringReader(yaml);
        return Read(reader, fileName);
    }

    /// <summary>Writes a journey as YAML in the documented form.</summary>
    public static void Write(DesignedJourney journey, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(writer);
        JourneyWriter.Write(journey, writer);
    }

    /// <summary>The lane as written in YAML: customer-action, frontstage, backstage, support or physical-evidence.</summary>
    public static string LaneName(BlueprintLane lane) => JourneyKeys.Lanes[(int)lane];

    /// <summary>A text value as a YAML scalar: plain when that reads back as the same text, double-quoted otherwise.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JourneyWriter.Scalar(value);
    }

    /// <summary>Writes a journey as YAML text.</summary>
    public static string Write(DesignedJourney journey)
    {
        using var writer = new StringWriter();
        Write(journey, writer);
        return writer.ToString();
    }
}
