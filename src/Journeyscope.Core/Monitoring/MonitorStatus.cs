namespace Journeyscope.Monitoring;

/// <summary>The result of <c>journeyscope monitor status</c> and <c>GET …/monitoring</c>.</summary>
/// <param name="At">When the status was taken.</param>
/// <param name="Schedules">Every schedule with its last and next run.</param>
/// <param name="OpenAlerts">The alerts of each schedule's latest completed period (still current), newest first.</param>
public sealed record MonitorStatus(DateTimeOffset At, IReadOnlyList<ScheduleStatus> Schedules, IReadOnlyList<KpiAlert> OpenAlerts);
