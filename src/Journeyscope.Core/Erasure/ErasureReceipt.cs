namespace Journeyscope.Erasure;

/// <summary>
/// What erasing one customer did (docs/erasure.md): the rows removed per table, the workspace version after it and the
/// verification scan. The same record is written by <c>journeyscope erase --format json</c> and returned by the API.
/// </summary>
/// <remarks>
/// Holds no identifier of the erased customer (only counts), so it can be kept as evidence of the erasure.
/// </remarks>
/// <param name="Workspace">The workspace's name (the server) or folder (the CLI).</param>
/// <param name="DryRun">True when nothing was changed: the counts say what an erasure would remove.</param>
/// <param name="IdsErased">How many ids were erased: the customer's and every id merged into it (anonymous ids included).</param>
/// <param name="Removed">The rows removed (or that would be), per table, tables with none included.</param>
/// <param name="FilesRemoved">Files removed from the server's folders (uploads that held the customer), by path relative to their folder.</param>
/// <param name="Compacted">Whether the database file was rewritten without the deleted values and swapped in.</param>
/// <param name="Version">The workspace version after the erasure (caches of older versions are dropped).</param>
/// <param name="Verification">The scan of every file for the ids and marker values; null on a dry run.</param>
/// <param name="Succeeded">True when the erasure ran and the verification found nothing; false means some copy remains (see the findings).</param>
/// <param name="ErasedAt">When the erasure ran (UTC).</param>
public sealed record ErasureReceipt(
    string Workspace,
    bool DryRun,
    int IdsErased,
    IReadOnlyList<ErasedRows> Removed,
    IReadOnlyList<string> FilesRemoved,
    bool Compacted,
    long Version,
    ErasureVerification? Verification,
    bool Succeeded,
    DateTimeOffset ErasedAt)
{
    /// <summary>The rows removed from every table together.</summary>
    public long RowsRemoved => Removed.Sum(r => r.Rows);
}
