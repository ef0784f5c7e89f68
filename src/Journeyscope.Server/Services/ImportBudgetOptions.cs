namespace Journeyscope.Server.Services;

/// <summary>
/// The budgets of one upload's import, bound from <c>Journeyscope:Imports</c>: an import that exceeds one stops with
/// a 413 ProblemDetails naming the budget.
/// </summary>
public sealed class ImportBudgetOptions
{
    /// <summary>The most events one upload may add. Default 200 million.</summary>
    public long MaxEvents { get; set; } = 200_000_000;

    /// <summary>
    /// The most bytes one upload may decompress to (.gz, Parquet pages, OCEL SQLite), which stops decompression bombs.
    /// Default 64 GiB.
    /// </summary>
    public long MaxDecompressedBytes { get; set; } = 64L << 30;
}
