using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>
/// The bookkeeping every importer shares: counts records, quarantines bad ones (or throws in strict mode),
/// collects warnings and reports progress. Guarantees imported + quarantined == read.
/// </summary>
internal sealed class ImportSession
{
    private const int MaxRawText = 1000;
    private readonly List<QuarantinedRecord> _quarantine = [];
    private readonly List<string> _warnings = [];
    private readonly HashSet<string> _warningSet = new(StringComparer.Ordinal);
    private readonly ImportOptions _options;
    private long _lastReported = -1;

    public ImportSession(string source, ImportOptions options, long totalBytes = -1)
    {
        Source = options.SourceName ?? source;
        _options = options;
        TotalBytes = totalBytes;
    }

    public string Source { get; }

    public ImportMode Mode => _options.Mode;

    public ImportOptions Options => _options;

    public long TotalBytes { get; }

    public long RecordsRead { get; private set; }

    public int QuarantinedCount => _quarantine.Count;

    public long RowsRead { get; private set; }

    /// <summary>Counts one record read (good or bad); stops the import past <see cref="ImportOptions.MaxEvents"/>.</summary>
    public void RecordRead()
    {
        if (++RecordsRead > _options.MaxEvents)
        {
            throw OverBudget(ImportBudget.MaxEvents, $"{_options.MaxEvents:N0} events");
        }
    }

    /// <summary>Counts one database row read; stops the import past <see cref="ImportOptions.MaxRows"/>.</summary>
    public void RowRead()
    {
        if (++RowsRead > _options.MaxRows)
        {
            throw OverBudget(ImportBudget.MaxRows, $"{_options.MaxRows:N0} rows");
        }
    }

    /// <summary>The error for an exceeded budget: which one, and how to raise it.</summary>
    public ImportException OverBudget(ImportBudget which, string budget) =>
        new(Source, 0, -1, null, $"the file exceeds the import budget of {budget}; raise it {Knob(which)} to import this file")
        {
            ExceededBudget = which,
        };

    /// <summary>Where a user raises a budget: the CLI flag and the server setting.</summary>
    internal static string Knob(ImportBudget which) => which switch
    {
        ImportBudget.MaxEvents => "with --max-events N, or the server setting Journeyscope:Imports:MaxEvents",
        ImportBudget.MaxDecompressedBytes => "with --max-bytes N, or the server setting Journeyscope:Imports:MaxDecompressedBytes",
        ImportBudget.MaxRows => "with the server setting Journeyscope:Imports:MaxRows",
        _ => "with the server setting Journeyscope:Imports:MaxDuration",
    };

    /// <summary>Quarantines a record, or throws <see cref="ImportException"/> in strict mode.</summary>
    public void Reject(long line, long byteOffset, string? field, string reason, string? rawText)
    {
        if (_options.Mode == ImportMode.Strict)
        {
            throw new ImportException(Source, line, byteOffset, field, reason);
        }

        if (rawText is { Length: > MaxRawText })
        {
            rawText = rawText[..MaxRawText];
        }

        _quarantine.Add(new QuarantinedRecord(Source, line, byteOffset, field, reason, rawText));
    }

    /// <summary>A problem with the whole file: always stops the import.</summary>
    public ImportException Fatal(long line, long byteOffset, string? field, string reason, Exception? inner = null) =>
        new(Source, line, byteOffset, field, reason, inner);

    /// <summary>Adds a warning once (repeats are counted away).</summary>
    public void Warn(string message)
    {
        if (_warningSet.Add(message))
        {
            _warnings.Add(message);
        }
    }

    /// <summary>Reports progress when at least 64 KiB more has been consumed.</summary>
    public void Report(long bytesRead)
    {
        if (_options.Progress is { } progress && bytesRead - _lastReported >= 64 * 1024)
        {
            _lastReported = bytesRead;
            progress.Report(new ImportProgress(bytesRead, TotalBytes, RecordsRead));
        }
    }

    public ImportResult Finish(EventLog log, string format)
    {
        _options.Progress?.Report(new ImportProgress(Math.Max(_lastReported, TotalBytes), TotalBytes, RecordsRead));
        return new ImportResult(log, format, RecordsRead, _quarantine.ToArray(), _warnings.ToArray());
    }
}
