namespace Journeyscope.IO;

/// <summary>Options shared by every importer: mode, progress, and the budgets that bound what one import may consume.</summary>
/// <remarks>
/// The budgets stop hostile or unexpectedly huge files (a small .xes.gz that expands to millions of events, an OCEL
/// SQLite file whose tables are recursive views). <see cref="Default"/> is effectively unlimited, for the CLI and
/// library use on trusted files; <see cref="Server"/> holds bounds suitable for uploads. A budget exceeded stops the
/// import with an <see cref="ImportException"/> that names the budget and how to raise it.
/// </remarks>
public sealed class ImportOptions
{
    /// <summary>The defaults: lenient, no progress reporting, no budgets besides the record length.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>Lenient with budgets for a server: 20 M events, 4 GiB of decompressed content, 50 M rows, 10 minutes.</summary>
    /// <remarks>A server copies these values into the options of each upload (with its mode and source name).</remarks>
    public static ImportOptions Server { get; } = new()
    {
        MaxEvents = 20_000_000,
        MaxDecompressedBytes = 4L << 30,
        MaxRows = 50_000_000,
        MaxDuration = TimeSpan.FromMinutes(10),
    };

    /// <summary>Lenient (quarantine bad records) or strict (stop at the first).</summary>
    public ImportMode Mode { get; init; } = ImportMode.Lenient;

    /// <summary>Receives progress about every 64 KiB read; called on the importing thread.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>A record (line, element) longer than this many characters is rejected. Defaults to 16 Mi characters.</summary>
    public int MaxRecordLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>The name reported in errors and quarantine; defaults to the file name.</summary>
    public string? SourceName { get; init; }

    /// <summary>Most records (events, rows, OCEL events) read from one file, good or quarantined; unlimited by default.</summary>
    /// <remarks>CLI: <c>--max-events</c>. Exceeding it stops the import: nothing is imported.</remarks>
    public long MaxEvents { get; init; } = long.MaxValue;

    /// <summary>Most bytes of content read from one file after decompression (the file size for uncompressed files); unlimited by default.</summary>
    /// <remarks>CLI: <c>--max-bytes</c>. Guards against compression bombs: a .xes.gz stops as soon as its expanded text passes the budget.</remarks>
    public long MaxDecompressedBytes { get; init; } = long.MaxValue;

    /// <summary>Most rows read from database sources (OCEL SQLite: events, objects, relations and attribute tables together); unlimited by default.</summary>
    public long MaxRows { get; init; } = long.MaxValue;

    /// <summary>Most wall-clock time one import may take, or null for no limit (the default).</summary>
    /// <remarks>Enforced by cancellation, which every importer checks between records or row groups.</remarks>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>Validates the budgets at the public boundary.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEvents, nameof(MaxEvents));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDecompressedBytes, nameof(MaxDecompressedBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRows, nameof(MaxRows));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRecordLength, nameof(MaxRecordLength));
        if (MaxDuration is { } duration)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero, nameof(MaxDuration));
        }
    }
}
