using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>What <see cref="CsvImporter.Inspect(string, CsvImportOptions?)"/> found about one column.</summary>
/// <param name="Name">The header name (made unique, or <c>columnN</c> without header).</param>
/// <param name="Role">
/// <c>case</c>, <c>activity</c>, <c>timestamp</c>, <c>start_timestamp</c>, <c>resource</c>, <c>channel</c>,
/// <c>lifecycle</c>, <c>event_id</c>, <c>wide_timestamp</c>, <c>case_attribute</c>, <c>attribute</c> or <c>ignored</c>.
/// </param>
/// <param name="Type">The value type detected from the sample (timestamp roles report <see cref="AttributeType.Timestamp"/>).</param>
/// <param name="TimestampFormat">For timestamp columns, the format detected or given (<c>iso</c>, <c>unix-s</c>, <c>dd/MM/yyyy HH:mm</c>…).</param>
/// <param name="Samples">Up to five distinct non-empty values of the sample, in order of appearance (each cut to 80 characters).</param>
/// <param name="Distinct">Distinct non-empty values in the sample (at most 1,000 rows).</param>
public sealed record CsvColumnInspection(string Name, string Role, AttributeType Type, string? TimestampFormat, IReadOnlyList<string> Samples, int Distinct);
