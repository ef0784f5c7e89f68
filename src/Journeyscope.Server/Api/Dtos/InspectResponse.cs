using Journeyscope.IO;

namespace Journeyscope.Server.Api.Dtos;

/// <summary>What the import wizard needs before importing (POST /api/v1/workspaces/{ws}/imports/inspect).</summary>
/// <remarks>
/// A CSV whose roles are not all recognised is not an error: <see cref="Missing"/> names them and <see cref="Proposals"/>
/// guesses columns from the values, so a client can always offer a mapping.
/// </remarks>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Format">The detected (or given) format: <c>xes</c>, <c>csv</c>, <c>jsonl</c>, <c>parquet</c> or <c>ocel</c>.</param>
/// <param name="Encoding">CSV: the text encoding.</param>
/// <param name="Delimiter">CSV: the delimiter.</param>
/// <param name="SuggestedMapping">CSV: the best column for each role (given, known by name, or guessed); null for other formats.</param>
/// <param name="Columns">CSV: every column with its role, type and sample values.</param>
/// <param name="Rows">CSV: the first (up to 10) data rows as text.</param>
/// <param name="TimestampPreview">CSV: how the first rows' timestamps are read with the mapping.</param>
/// <param name="Warnings">Things to check, such as an ambiguous day/month order.</param>
/// <param name="Layout">CSV: <c>events</c>, <c>wide</c> (one row per case, one timestamp column per step) or <c>survey</c>.</param>
/// <param name="Proposals">CSV: columns proposed per role, best first, each with a confidence in [0, 1] and a reason.</param>
/// <param name="Missing">CSV: mandatory roles without a column, each naming the wizard control and the CLI flag.</param>
/// <param name="Timestamps">CSV: the timestamp check over the sample: format, values parsed of values read, offsets, time zone.</param>
public sealed record InspectResponse(
    string FileName,
    string Format,
    string? Encoding,
    string? Delimiter,
    CsvMapping? SuggestedMapping,
    IReadOnlyList<InspectedColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<TimestampPreview> TimestampPreview,
    IReadOnlyList<string> Warnings,
    string? Layout = null,
    IReadOnlyList<CsvRoleProposal>? Proposals = null,
    IReadOnlyList<string>? Missing = null,
    CsvTimestampCheck? Timestamps = null);
