namespace Journeyscope.Erasure;

/// <summary>The rows an erasure removed from one table of the workspace database.</summary>
/// <param name="Table">The table, for example <c>events</c> or <c>identity_links</c>.</param>
/// <param name="Rows">Rows removed (or, on a dry run, that would be).</param>
public sealed record ErasedRows(string Table, long Rows);
