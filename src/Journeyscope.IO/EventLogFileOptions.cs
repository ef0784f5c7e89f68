namespace Journeyscope.IO;

/// <summary>Format choice and format-specific options for <see cref="EventLogFile.Import"/>.</summary>
public sealed class EventLogFileOptions
{
    /// <summary>Detect everything.</summary>
    public static EventLogFileOptions Default { get; } = new();

    /// <summary>The format; null detects it from the content and name.</summary>
    public EventLogFormat? Format { get; init; }

    /// <summary>CSV dialect and column mapping; null detects them.</summary>
    public CsvImportOptions? Csv { get; init; }

    /// <summary>OCEL options, such as the object type used as the case notion.</summary>
    public OcelImportOptions? Ocel { get; init; }
}
