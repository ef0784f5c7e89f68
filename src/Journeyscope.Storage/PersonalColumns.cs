namespace Journeyscope.Storage;

/// <summary>A table of a <see cref="SqliteSideFile"/> and its columns that can name a customer (raw or inside a JSON text).</summary>
/// <param name="Table">The table.</param>
/// <param name="Columns">The text columns erasure searches for the customer's ids.</param>
public sealed record PersonalColumns(string Table, IReadOnlyList<string> Columns);
