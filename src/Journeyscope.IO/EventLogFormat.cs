namespace Journeyscope.IO;

/// <summary>The file formats Journeyscope reads and writes.</summary>
public enum EventLogFormat
{
    /// <summary>IEEE XES, plain or gzip-compressed.</summary>
    Xes,

    /// <summary>Delimited text with a header row.</summary>
    Csv,

    /// <summary>One JSON object per line.</summary>
    JsonLines,

    /// <summary>Apache Parquet.</summary>
    Parquet,

    /// <summary>OCEL 2.0 as JSON, XML or SQLite (import); OCEL 2.0 JSON (export).</summary>
    Ocel,
}
