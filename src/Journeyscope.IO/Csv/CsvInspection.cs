namespace Journeyscope.IO;

/// <summary>What the CSV importer detects from the first 64 KiB of a file, without importing it.</summary>
/// <param name="EncodingName">The encoding used (web name, for example <c>utf-8</c> or <c>windows-1252</c>).</param>
/// <param name="HasByteOrderMark">Whether the file starts with a byte order mark.</param>
/// <param name="Delimiter">The field delimiter.</param>
/// <param name="LineEnding"><c>LF</c>, <c>CRLF</c>, <c>CR</c>, or <c>none</c> for a single line.</param>
/// <param name="Columns">Every column with its role, type and timestamp format.</param>
/// <param name="Rows">The first (up to) 10 data rows as text.</param>
/// <param name="Warnings">Things to check, for example an ambiguous day/month order.</param>
public sealed record CsvInspection(
    string EncodingName,
    bool HasByteOrderMark,
    char Delimiter,
    string LineEnding,
    IReadOnlyList<CsvColumnInspection> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The column playing <paramref name="role"/> (see <see cref="CsvColumnInspection.Role"/>), or null.</summary>
    public string? ColumnFor(string role)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Role, role, StringComparison.Ordinal))
            {
                return column.Name;
            }
        }

        return null;
    }
}
