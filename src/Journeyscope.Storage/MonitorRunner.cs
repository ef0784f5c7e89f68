using Cronos;
using Journeyscope.EventLogs;
using Journeyscope.IO.Journeys;
using Journeyscope.Journeys;
using Journeyscope.Monitoring;

namespace Journeyscope.Storage;

/// <summary>
/// Takes the due snapshots of a workspace's schedules and evaluates their alert rules: the one code path of the
/// server's scheduler, <c>journeyscope monitor run</c> and <c>POST …/monitoring/run</c> (docs/monitoring.md).
/// </summary>
/// <remarks>
/// A schedule's periods run between consecutive occurrences of its cron expression (in its time zone). The first
/// period starts at the first occurrence at or after <see cref="MonitorSchedule.Since"/>; each later run resumes after
/// the last completed period stored in the workspace, so a run after a crash or a restart catches up every period that
/// ended meanwhile (at most <see cref="MaxPeriodsPerRun"/> per run, oldest first) and a period already stored is never
/// taken again (<see cref="Workspace.CompletePeriod"/> is idempotent by its key). Not thread-safe per workspace: the
/// server serialises runs of one workspace.
/// </remarks>
public static class MonitorRunner
{
    /// <summary>The most periods one run takes per schedule; the rest wait for the next run.</summary>
    public const int MaxPeriodsPerRun = 1000;

    /// <summary>How many earlier snapshots the alert rules see.</summary>
    public const int HistoryLimit = 800;

    /// <summary>Takes every period that ended by <paramref name="now"/> and is not stored yet.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="now">The instant to take due periods up to (the server's TimeProvider; <c>--now</c> in the CLI).</param>
    /// <param name="loadLog">Loads the event log (called once, only when a period is due).</param>
    /// <param name="scheduleId">One schedule, or null for all.</param>
    /// <param name="cancellationToken">Checked between periods.</param>
    public static MonitorRun Run(
        Workspace workspace, DateTimeOffset now, Func<EventLog> loadLog, string? scheduleId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(loadLog);
        EventLog? log = null;
        var runs = new List<ScheduleRun>();
        foreach (var schedule in workspace.ListSchedules())
        {
            if (scheduleId is not null && !string.Equals(schedule.Id, scheduleId, StringComparison.Ordinal))
            {
                continue;
            }

            var last = workspace.LastCompletedPeriod(schedule.Id);
            try
            {
                var (cron, zone) = Parse(schedule);
                var due = Due(schedule, cron, zone, last, now, MaxPeriodsPerRun);
                if (due.Count == 0)
                {
                    runs.Add(new ScheduleRun(schedule.Id, schedule.Journey, 0, last, [], null));
                    continue;
                }

                var journey = ReadJourney(workspace, schedule.Journey);
                log ??= loadLog();
                var history = workspace.ReadSnapshots(schedule.Id, HistoryLimit).ToList();
                var alerts = new List<KpiAlert>();
                var taken = 0;
                foreach (var (start, end) in due)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var snapshot = SnapshotTaker.Take(log, journey, schedule, start, end, cancellationToken);
                    var raised = AlertEvaluator.Evaluate(schedule, journey, history, snapshot, now);
                    if (workspace.CompletePeriod(snapshot, raised))
                    {
                        taken++;
                        alerts.AddRange(raised);
                    }

                    history.Add(snapshot);
                    if (history.Count > HistoryLimit)
                    {
                        history.RemoveAt(0);
                    }

                    last = end;
                }

                runs.Add(new ScheduleRun(schedule.Id, schedule.Journey, taken, last, alerts, null));
            }
            catch (Exception e) when (e is MonitorScheduleException or Kpis.KpiException or Kpis.KpiExpressionException or ArgumentException or InvalidOperationException)
            {
                runs.Add(new ScheduleRun(schedule.Id, schedule.Journey, 0, last, [], e.Message));
            }
        }

        return new MonitorRun(now, runs);
    }

    /// <summary>Every schedule's last and next run, what is due, and the alerts of its latest period.</summary>
    public static MonitorStatus Status(Workspace workspace, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var statuses = new List<ScheduleStatus>();
        var open = new List<KpiAlert>();
        foreach (var schedule in workspace.ListSchedules())
        {
            var last = workspace.LastCompletedPeriod(schedule.Id);
            var count = workspace.SnapshotCount(schedule.Id);
            var kpis = workspace.ReadSnapshots(schedule.Id, 1).SelectMany(s => s.Kpis).Select(k => k.Kpi).Distinct(StringComparer.Ordinal).ToList();
            try
            {
                var (cron, zone) = Parse(schedule);
                var due = Due(schedule, cron, zone, last, now, MaxPeriodsPerRun);
                var after = due.Count > 0 ? due[0].End : (last is { } l && l > now ? l : now);
                var next = due.Count > 0 ? due[0].End : cron.GetNextOccurrence(after, zone);
                statuses.Add(new ScheduleStatus(schedule, last, next, due.Count, count, kpis, null));
            }
            catch (MonitorScheduleException e)
            {
                statuses.Add(new ScheduleStatus(schedule, last, null, 0, count, kpis, e.Message));
            }

            if (last is { } end)
            {
                open.AddRange(workspace.ListAlerts(schedule.Id, limit: 200).Where(a => a.PeriodEnd.UtcTicks == end.UtcTicks));
            }
        }

        return new MonitorStatus(now, statuses, [.. open.OrderByDescending(a => a.PeriodEnd).ThenBy(a => a.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Checks a schedule's cron expression, time zone and journey before it is saved.</summary>
    /// <exception cref="MonitorScheduleException">The expression or zone is invalid, or the journey does not exist or is invalid.</exception>
    public static void Check(Workspace workspace, MonitorSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Problem() is { } problem)
        {
            throw new MonitorScheduleException(problem);
        }

        Parse(schedule);
        var journey = ReadJourney(workspace, schedule.Journey);
        foreach (var rule in schedule.Rules)
        {
            if (!journey.Kpis.Any(k => string.Equals(k.Id, rule.Kpi, StringComparison.Ordinal)))
            {
                throw new MonitorScheduleException(
                    $"the rule names the KPI '{rule.Kpi}', which journey '{journey.Id}' does not define; its KPIs: {string.Join(", ", journey.Kpis.Select(k => k.Id))}");
            }
        }
    }

    /// <summary>The periods that ended by <paramref name="now"/> after <paramref name="last"/> (or from the schedule's start), oldest first.</summary>
    internal static List<(DateTimeOffset Start, DateTimeOffset End)> Due(
        MonitorSchedule schedule, CronExpression cron, TimeZoneInfo zone, DateTimeOffset? last, DateTimeOffset now, int max)
    {
        var periods = new List<(DateTimeOffset, DateTimeOffset)>();
        var start = last ?? cron.GetNextOccurrence(schedule.Since, zone, inclusive: true);
        while (start is { } s && periods.Count < max)
        {
            var end = cron.GetNextOccurrence(s, zone);
            if (end is not { } e || e > now)
            {
                break;
            }

            periods.Add((TimeZoneInfo.ConvertTime(s, zone), TimeZoneInfo.ConvertTime(e, zone)));
            start = e;
        }

        return periods;
    }

    private static (CronExpression Cron, TimeZoneInfo Zone) Parse(MonitorSchedule schedule)
    {
        CronExpression cron;
        try
        {
            var fields = schedule.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            cron = CronExpression.Parse(schedule.Cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new MonitorScheduleException($"the cron expression '{schedule.Cron}' is invalid: {e.Message} (for example '0 6 * * *': every day at 06:00)", e);
        }

        try
        {
            return (cron, TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(schedule.TimeZone) ? "UTC" : schedule.TimeZone));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new MonitorScheduleException($"the time zone '{schedule.TimeZone}' is unknown (for example UTC or Europe/Amsterdam)", e);
        }
    }

    private static DesignedJourney ReadJourney(Workspace workspace, string id)
    {
        var path = JourneyRepository.Find(workspace.JourneysFolder, id)
            ?? throw new MonitorScheduleException($"the journey '{id}' does not exist in the workspace (journeys/{id}.yaml)");
        var read = JourneyYaml.Read(path);
        var errors = JourneyValidator.Validate(read, null).Where(d => d.IsError).ToList();
        if (read.Journey is null || errors.Count > 0)
        {
            throw new MonitorScheduleException($"the journey '{id}' has {Math.Max(errors.Count, 1)} error(s); the first: {errors.FirstOrDefault()}");
        }

        return read.Journey;
    }
}
