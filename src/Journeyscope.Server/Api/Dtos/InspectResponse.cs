namespace Journeyscope.Server.Api.Dtos;

/// <summary>What the import wizard needs before importing (POST /api/v1/workspaces/{ws}/imports/inspect).</summary>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Format">The detected (or given) format: <c>xes</c>, <c>csv</c>, <c>jsonl</c>, <c>parquet</c> or <c>ocel</c>.</param>
/// <param name="Encoding">CSV: the text encoding.</param>
/// <param name="Delimiter">CSV: the delimiter.</param>
/// <param name="SuggestedMapping">CSV: the roles detected (or given) for the columns; null for other formats.</param>
/// <param name="Columns">CSV: every column with its role and type.</param>
/// <param name="Rows">CSV: the first (up to 10) data rows as text.</param>
/// <param name="TimestampPreview">CSV: how the first rows' timestamps are read with the mapping.</param>
/// <param name="Warnings">Things to check, such as an ambiguous day/month order.</param>
public sealed record InspectResponse(
    string FileName,
    string Format,
    string? Encoding,
    string? Delimiter,
    CsvMapping? SuggestedMapping,
    IReadOnlyList<InspectedColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<TimestampPreview> TimestampPreview,
    IReadOnlyList<string> Warnings);
