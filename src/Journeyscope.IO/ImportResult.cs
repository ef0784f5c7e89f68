using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>What an import produced: the log, the counts, and every record it could not use.</summary>
public sealed class ImportResult
{
    /// <summary>Creates a result.</summary>
    public ImportResult(EventLog log, string format, long recordsRead, IReadOnlyList<QuarantinedRecord> quarantine, IReadOnlyList<string> warnings)
    {
        Log = log;
        Format = format;
        RecordsRead = recordsRead;
        Quarantine = quarantine;
        Warnings = warnings;
    }

    /// <summary>The imported events.</summary>
    public EventLog Log { get; }

    /// <summary>The format read, for example <c>xes</c>, <c>csv</c>, <c>ocel-json</c>.</summary>
    public string Format { get; }

    /// <summary>Records (events or rows) read from the source.</summary>
    public long RecordsRead { get; }

    /// <summary>Records imported as events; always <see cref="RecordsRead"/> minus the quarantine.</summary>
    public long RecordsImported => RecordsRead - Quarantine.Count;

    /// <summary>Records that could not be used, each with its reason.</summary>
    public IReadOnlyList<QuarantinedRecord> Quarantine { get; }

    /// <summary>Things a user should know that did not lose data (for example nested attributes kept as text).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The objects and relations of an object-centric source (OCEL 2.0), or null.</summary>
    public ObjectCentricData? Objects { get; init; }
}
