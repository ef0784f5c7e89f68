using Journeyscope.Monitoring;

namespace Journeyscope.Server.Api.Dtos;

/// <summary>The body of PUT /api/v1/workspaces/{ws}/monitoring/schedules/{id}; the id comes from the route.</summary>
/// <param name="Journey">The journey id.</param>
/// <param name="Cron">The cron expression (five fields, or six with seconds).</param>
/// <param name="TimeZone">The time zone (default UTC).</param>
/// <param name="Since">The first period starts at the first occurrence at or after this instant (default: now).</param>
/// <param name="SegmentBy">A case attribute to store KPIs and conformance per value of, or null.</param>
/// <param name="Rules">Alert rules; none for the defaults (target and 1 % anomaly rule per KPI).</param>
/// <param name="Recipients">E-mail addresses of the digest.</param>
public sealed record ScheduleRequest(
    string? Journey, string? Cron, string? TimeZone, DateTimeOffset? Since, string? SegmentBy, IReadOnlyList<AlertRule>? Rules, IReadOnlyList<string>? Recipients);
