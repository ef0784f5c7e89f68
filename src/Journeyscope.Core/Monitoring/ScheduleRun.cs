namespace Journeyscope.Monitoring;

/// <summary>What one run did for one schedule.</summary>
/// <param name="Schedule">The schedule id.</param>
/// <param name="Journey">The journey id.</param>
/// <param name="Periods">Periods snapshotted in this run (catch-up included).</param>
/// <param name="LastCompleted">The end of the latest completed period after the run, or null.</param>
/// <param name="Alerts">The alerts this run raised.</param>
/// <param name="Error">Why the schedule could not run (unknown journey, invalid KPI, bad cron), or null.</param>
public sealed record ScheduleRun(string Schedule, string Journey, int Periods, DateTimeOffset? LastCompleted, IReadOnlyList<KpiAlert> Alerts, string? Error);
