namespace Journeyscope.IO;

/// <summary>How the sample's timestamps read with the mapping: the format, the share parsed and the time zone.</summary>
/// <param name="Column">The timestamp column checked (the timestamp column, else the first step of a wide layout).</param>
/// <param name="Format">The format detected or given (<c>iso</c>, <c>unix-s</c>, <c>dd-MM-yyyy HH:mm</c>…).</param>
/// <param name="Parsed">Sampled non-empty values that parse.</param>
/// <param name="Total">Sampled non-empty values.</param>
/// <param name="WithOffset">Parsed values that carry their own UTC offset (these ignore <see cref="Zone"/>).</param>
/// <param name="Zone">The time zone that values without offset are read in (IANA id; <c>UTC</c> unless given).</param>
/// <param name="Rows">The first rows: text, instant read, or why the row would be quarantined.</param>
public sealed record CsvTimestampCheck(
    string Column, string Format, int Parsed, int Total, int WithOffset, string Zone, IReadOnlyList<CsvTimestampRow> Rows)
{
    /// <summary>The share of sampled values that parse, in [0, 1]; 1 when the sample has none.</summary>
    public double ParsedShare => Total == 0 ? 1 : (double)Parsed / Total;
}
