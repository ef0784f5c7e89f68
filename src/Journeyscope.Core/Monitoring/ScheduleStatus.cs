namespace Journeyscope.Monitoring;

/// <summary>A schedule's state: its definition, the last completed period, the next run and what is due.</summary>
/// <param name="Schedule">The schedule.</param>
/// <param name="LastCompleted">The end of the latest completed period, or null before the first.</param>
/// <param name="NextRun">The next occurrence after the last completed period (or after now when nothing is due), or null when the expression never fires again.</param>
/// <param name="DuePeriods">Periods that ended and are not snapshotted yet (a run takes them).</param>
/// <param name="Snapshots">Periods stored.</param>
/// <param name="Kpis">The KPI ids of the latest stored period (what the series can show).</param>
/// <param name="Error">Why the schedule cannot run (bad cron or time zone), or null.</param>
public sealed record ScheduleStatus(MonitorSchedule Schedule, DateTimeOffset? LastCompleted, DateTimeOffset? NextRun, int DuePeriods, int Snapshots, IReadOnlyList<string> Kpis, string? Error);
