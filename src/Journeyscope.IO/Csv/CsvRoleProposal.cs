namespace Journeyscope.IO;

/// <summary>A column proposed for a role by <see cref="CsvImporter.Inspect(string, CsvImportOptions?)"/>, with how sure the guess is.</summary>
/// <param name="Role">
/// <c>case</c>, <c>activity</c>, <c>timestamp</c>, <c>start_timestamp</c>, <c>resource</c>, <c>channel</c>, <c>lifecycle</c>,
/// <c>event_id</c>, <c>wide_timestamp</c>, <c>score</c> or <c>comment</c>.
/// </param>
/// <param name="Column">The column's header name.</param>
/// <param name="Confidence">1 when the user chose it, 0.9 for a known header name, lower for a guess from the values.</param>
/// <param name="Reason">Why, in words a user can check (for example <c>every sampled value is a date</c>).</param>
public sealed record CsvRoleProposal(string Role, string Column, double Confidence, string Reason);
