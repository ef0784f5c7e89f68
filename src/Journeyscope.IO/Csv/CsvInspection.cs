namespace Journeyscope.IO;

/// <summary>What the CSV importer detects from the first 64 KiB of a file, without importing it.</summary>
/// <param name="EncodingName">The encoding used (web name, for example <c>utf-8</c> or <c>windows-1252</c>).</param>
/// <param name="HasByteOrderMark">Whether the file starts with a byte order mark.</param>
/// <param name="Delimiter">The field delimiter.</param>
/// <param name="LineEnding"><c>LF</c>, <c>CRLF</c>, <c>CR</c>, or <c>none</c> for a single line.</param>
/// <param name="Columns">Every column with its role, type and timestamp format.</param>
/// <param name="Rows">The first (up to) 10 data rows as text.</param>
/// <param name="Warnings">Things to check, for example an ambiguous day/month order.</param>
/// <param name="Layout">
/// The shape proposed: <c>events</c> (one row per event), <c>wide</c> (one row per case, one timestamp column per step) or
/// <c>survey</c> (one row per answer with a score and a comment).
/// </param>
/// <param name="SurveyActivity">For a survey, the proposed name of its events (<c>nps</c>, <c>csat</c>, <c>ces</c>, <c>review</c>…).</param>
/// <param name="Proposals">Columns proposed for each role, best first per role, each with a confidence and a reason.</param>
/// <param name="Missing">Mandatory roles no column plays with the given options, each naming the wizard control and the CLI flag.</param>
/// <param name="Timestamps">How the sample's timestamps read with the mapping; null when no column holds timestamps.</param>
public sealed record CsvInspection(
    string EncodingName,
    bool HasByteOrderMark,
    char Delimiter,
    string LineEnding,
    IReadOnlyList<CsvColumnInspection> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<string> Warnings,
    string Layout,
    string? SurveyActivity,
    IReadOnlyList<CsvRoleProposal> Proposals,
    IReadOnlyList<string> Missing,
    CsvTimestampCheck? Timestamps)
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

    /// <summary>The best proposal for <paramref name="role"/>, or null.</summary>
    public CsvRoleProposal? ProposalFor(string role)
    {
        foreach (var proposal in Proposals)
        {
            if (string.Equals(proposal.Role, role, StringComparison.Ordinal))
            {
                return proposal;
            }
        }

        return null;
    }
}
