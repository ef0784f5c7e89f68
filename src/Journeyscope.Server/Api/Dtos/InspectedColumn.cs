namespace Journeyscope.Server.Api.Dtos;

/// <summary>One column of an inspected CSV file.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Role"><c>case</c>, <c>activity</c>, <c>timestamp</c>, <c>start_timestamp</c>, <c>resource</c>, <c>channel</c>,
/// <c>lifecycle</c>, <c>event_id</c>, <c>wide_timestamp</c>, <c>case_attribute</c>, <c>attribute</c> or <c>ignored</c>.</param>
/// <param name="Type"><c>string</c>, <c>long</c>, <c>double</c>, <c>boolean</c> or <c>timestamp</c>.</param>
/// <param name="TimestampFormat">For timestamp columns, the detected or given format.</param>
/// <param name="Samples">Up to five distinct values of the first rows.</param>
/// <param name="Distinct">Distinct non-empty values among the first (up to 1,000) rows.</param>
public sealed record InspectedColumn(string Name, string Role, string Type, string? TimestampFormat, IReadOnlyList<string> Samples, int Distinct);
