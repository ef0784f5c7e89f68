namespace Journeyscope.Monitoring;

/// <summary>The result of <c>journeyscope monitor run</c> and <c>POST …/monitoring/run</c>: the due snapshots taken and the alerts raised.</summary>
/// <param name="At">The instant the run took the due periods up to.</param>
/// <param name="Schedules">Per schedule, what was done.</param>
public sealed record MonitorRun(DateTimeOffset At, IReadOnlyList<ScheduleRun> Schedules);
