using Journeyscope.IO;

namespace Journeyscope.Server.Services;

/// <summary>
/// The budgets of one upload's import, bound from <c>Journeyscope:Imports</c>: an import that exceeds one stops with
/// a 413 ProblemDetails naming the budget and the setting that raises it. The defaults are
/// <see cref="ImportOptions.Server"/>'s, so the library and the server share one default per budget.
/// </summary>
public sealed class ImportBudgetOptions
{
    /// <summary>The most events one upload may add. Default 20 million.</summary>
    public long MaxEvents { get; set; } = ImportOptions.Server.MaxEvents;

    /// <summary>
    /// The most bytes one upload may decompress to (.gz, Parquet pages, OCEL SQLite), which stops decompression bombs.
    /// Default 4 GiB.
    /// </summary>
    public long MaxDecompressedBytes { get; set; } = ImportOptions.Server.MaxDecompressedBytes;

    /// <summary>The most table rows one upload may read (OCEL SQLite). Default 50 million.</summary>
    public long MaxRows { get; set; } = ImportOptions.Server.MaxRows;

    /// <summary>The longest one import may run. Default 10 minutes.</summary>
    public TimeSpan MaxDuration { get; set; } = ImportOptions.Server.MaxDuration ?? TimeSpan.FromMinutes(10);
}
