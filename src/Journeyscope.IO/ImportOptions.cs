namespace Journeyscope.IO;

/// <summary>Options shared by every importer.</summary>
public sealed class ImportOptions
{
    /// <summary>The defaults: lenient, no progress reporting.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>Lenient (quarantine bad records) or strict (stop at the first).</summary>
    public ImportMode Mode { get; init; } = ImportMode.Lenient;

    /// <summary>Receives progress about every 64 KiB read; called on the importing thread.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>A record (line, element) longer than this many characters is rejected. Defaults to 16 Mi characters.</summary>
    public int MaxRecordLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>The name reported in errors and quarantine; defaults to the file name.</summary>
    public string? SourceName { get; init; }
}
