using System.CommandLine;
using System.Globalization;
using Journeyscope.Cli.Output;
using Journeyscope.Monitoring;
using Journeyscope.Server.Monitoring;
using Journeyscope.Server.Notifications;
using Journeyscope.Server.Services;
using Journeyscope.Storage;
using Journeyscope.Storage.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope monitor run|status|schedule</c>: scheduled KPI snapshots and alerts of a workspace (docs/monitoring.md).
/// The server runs due schedules by itself; the CLI runs them on a workspace no server holds open, and notifies the
/// alerts as the server does (<see cref="AlertNotifier"/>: e-mail digests, <c>kpi.alert</c> webhooks through the outbox).
/// </summary>
internal static class MonitorCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("monitor",
            "Scheduled snapshots of every KPI of a journey (per period and segment), its conformance rate and top deviations, and alerts when a KPI " +
            "misses its target, leaves the range its seasonal baseline expects, or shifts for several periods (CUSUM).\n" +
            "Examples:\n  journeyscope monitor schedule daily --journey retail --cron \"0 6 * * *\" --by device --email ops@example.com\n" +
            "  journeyscope monitor run\n  journeyscope monitor status --format json");
        command.Subcommands.Add(RunCommand(context));
        command.Subcommands.Add(StatusCommand(context));
        command.Subcommands.Add(ScheduleCommand(context));
        return command;
    }

    /// <summary>The <c>--now</c> option: the instant to take due periods up to (default: the clock).</summary>
    internal static Option<DateTimeOffset?> NowOption() => new("--now")
    {
        Description = "Take the periods due at this instant (ISO 8601, for example 2025-07-01T00:00:00Z) rather than now: backfills and replays.",
    };

    private static Command RunCommand(CliContext context)
    {
        var now = NowOption();
        var schedule = new Option<string?>("--schedule") { Description = "Run this schedule only." };
        var settings = new Option<string?>("--settings")
        {
            Description = "A JSON file of server settings (the shape of appsettings.json) for the notifications: Journeyscope:Monitoring:Smtp " +
                "(e-mail digests) and Journeyscope:Webhooks. Without it, the server's appsettings.json and environment variables " +
                "(Journeyscope__Monitoring__Smtp__Host=...) apply, as for journeyscope serve.",
        };
        var wait = new Option<double>("--webhook-wait")
        {
            Description = "Seconds to keep retrying webhook deliveries that failed (default 10); what is still pending stays in the outbox " +
                "for the next run or the server.",
            DefaultValueFactory = _ => 10,
        };
        var command = new Command("run", "Takes the due snapshots now (every period that ended since the last completed one), evaluates the alert rules " +
            "and notifies the new alerts as the server does: one e-mail digest per schedule to its recipients (SMTP settings) and one signed " +
            "kpi.alert webhook per alert to the workspace's targets.\n" +
            "Example: journeyscope monitor run --workspace ./shop --format json")
        {
            now, schedule, settings, wait,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(wait) is var seconds && (seconds < 0 || double.IsNaN(seconds)))
            {
                throw new UsageException("--webhook-wait must be 0 or more seconds.");
            }

            IConfiguration configuration;
            try
            {
                configuration = JourneyscopeConfiguration.Read(parse.GetValue(settings));
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or FormatException)
            {
                throw new UsageException($"--settings: {e.Message}");
            }

            var folder = Path.GetFullPath(parse.GetRequiredValue(context.Workspace));
            using var workspace = Workspace.Open(folder, create: false);
            var run = MonitorRunner.Run(workspace, parse.GetValue(now) ?? DateTimeOffset.UtcNow, () => workspace.LoadEventLog(cancellationToken),
                parse.GetValue(schedule), cancellationToken);
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
            var sent = await AlertNotifier.Create(configuration).NotifyAsync(name, workspace, cancellationToken).ConfigureAwait(false);
            var delivered = await DeliverAsync(folder, configuration, TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
            var table = new Table("Monitoring run", "Schedule", "Journey", "Periods taken", "Last completed", "Alerts", "Error");
            foreach (var s in run.Schedules)
            {
                table.Add(s.Schedule, s.Journey, s.Periods, Time(s.LastCompleted), s.Alerts.Count, s.Error ?? "");
            }

            var report = new Report().Add(table).Add(AlertsCommand.Table("Alerts raised", run.Schedules.SelectMany(s => s.Alerts)));
            report.Json = run;
            report.Write(context.GetFormat(parse), context.Output);
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Notified {sent.Alerts} alert(s): {sent.Digests} e-mail digest(s){(sent.FailedDigests > 0 ? $" ({sent.FailedDigests} refused, retried next run)" : "")}, " +
                $"{sent.Webhooks} webhook delivery(ies) enqueued, {delivered} attempt(s) made."));
            return run.Schedules.Any(s => s.Error is not null) ? ExitCodes.BadInput : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Sends the workspace's due webhook deliveries, and retries failed ones that come due within <paramref name="wait"/>.</summary>
    private static async Task<int> DeliverAsync(string folder, IConfiguration configuration, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!WebhookStore.Exists(folder))
        {
            return 0;
        }

        using var client = new HttpClient(WebhookPoster.Handler());
        var poster = new WebhookPoster(() => client, JourneyscopeConfiguration.Webhooks(configuration), TimeProvider.System, NullLogger.Instance);
        var until = DateTimeOffset.UtcNow + wait;
        var attempts = 0;
        while (true)
        {
            attempts += await poster.DeliverDueAsync(folder, cancellationToken).ConfigureAwait(false);
            var next = WebhookStore.NextDue(folder);
            if (next is not { } due || due > until)
            {
                return attempts;
            }

            var delay = due - DateTimeOffset.UtcNow;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Command StatusCommand(CliContext context)
    {
        var now = NowOption();
        var command = new Command("status", "The schedules with their last completed period, next run and due periods, and the open alerts (those of each schedule's latest period).\n" +
            "Example: journeyscope monitor status --format json")
        {
            now,
        };
        command.SetAction(parse =>
        {
            using var workspace = Workspace.Open(parse.GetRequiredValue(context.Workspace), create: false);
            var status = MonitorRunner.Status(workspace, parse.GetValue(now) ?? DateTimeOffset.UtcNow);
            var table = new Table("Schedules", "Schedule", "Journey", "Cron", "Time zone", "By", "Last completed", "Next run", "Due", "Stored", "Error");
            foreach (var s in status.Schedules)
            {
                table.Add(s.Schedule.Id, s.Schedule.Journey, s.Schedule.Cron, s.Schedule.TimeZone, s.Schedule.SegmentBy ?? "", Time(s.LastCompleted),
                    Time(s.NextRun), s.DuePeriods, s.Snapshots, s.Error ?? "");
            }

            var report = new Report().Add(table).Add(AlertsCommand.Table("Open alerts", status.OpenAlerts));
            if (status.Schedules.Count == 0)
            {
                report.Notes.Add("No schedules yet: journeyscope monitor schedule NAME --journey ID --cron \"0 6 * * *\".");
            }

            report.Json = status;
            report.Write(context.GetFormat(parse), context.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ScheduleCommand(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The schedule's id (letters, digits, '-', '_'); an existing one is replaced, its snapshots kept." };
        var journey = new Option<string>("--journey") { Description = "The journey id (journeys/ID.yaml).", Required = true };
        var cron = new Option<string>("--cron") { Description = "When to snapshot: a cron expression, for example \"0 6 * * *\" (daily at 06:00) or \"0 * * * *\" (hourly).", Required = true };
        var zone = new Option<string>("--time-zone") { Description = "The time zone the expression is read in (default UTC).", DefaultValueFactory = _ => "UTC" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Snapshot periods from this instant on (default now); an earlier date backfills history on the next run." };
        var by = new Option<string?>("--by") { Description = "A case attribute to store every KPI and the conformance rate per value of." };
        var email = new Option<string[]>("--email") { Description = "Who gets the digest of each run (the server's SMTP settings); repeatable.", AllowMultipleArgumentsPerToken = true };
        var rate = new Option<double>("--false-alarm-rate")
        {
            Description = "The anomaly and sustained-shift rules' false-alarm rate per period, each (default 0.01).",
            DefaultValueFactory = _ => 0.01,
        };
        var reference = new Option<double>("--shift-reference")
        {
            Description = "The sustained-shift rules' CUSUM reference in spreads, about half the smallest shift to find quickly (default 0.5).",
            DefaultValueFactory = _ => 0.5,
        };
        var command = new Command("schedule", "Creates or replaces a schedule. Without rules of its own, every KPI gets a threshold rule (its target) and an anomaly rule.\n" +
            "Example: journeyscope monitor schedule daily --journey retail --cron \"0 6 * * *\" --since 2025-01-01 --by device")
        {
            id, journey, cron, zone, since, by, email, rate, reference,
        };
        command.SetAction(parse =>
        {
            using var workspace = Workspace.Open(parse.GetRequiredValue(context.Workspace), create: false);
            var journeyId = parse.GetRequiredValue(journey);
            var falseAlarms = parse.GetValue(rate);
            var shiftReference = parse.GetValue(reference);
            var rules = Math.Abs(falseAlarms - 0.01) < 1e-12 && Math.Abs(shiftReference - 0.5) < 1e-12
                ? [] : ReadRules(workspace, journeyId, falseAlarms, shiftReference);
            var schedule = new MonitorSchedule(parse.GetRequiredValue(id), journeyId, parse.GetRequiredValue(cron), parse.GetRequiredValue(zone),
                parse.GetValue(since) ?? DateTimeOffset.UtcNow, parse.GetValue(by), rules, parse.GetValue(email) ?? []);
            try
            {
                MonitorRunner.Check(workspace, schedule);
            }
            catch (MonitorScheduleException e)
            {
                throw new UsageException($"schedule '{schedule.Id}': {e.Message}.");
            }

            workspace.SaveSchedule(schedule);
            var report = new Report { Json = schedule };
            report.Notes.Add($"Schedule '{schedule.Id}' saved: journey {schedule.Journey}, '{schedule.Cron}' ({schedule.TimeZone}), from {Time(schedule.Since)}.");
            report.Write(context.GetFormat(parse), context.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<AlertRule> ReadRules(Workspace workspace, string journeyId, double rate, double shiftReference)
    {
        var path = IO.Journeys.JourneyRepository.Find(workspace.JourneysFolder, journeyId)
            ?? throw new UsageException($"the journey '{journeyId}' does not exist in the workspace.");
        var journey = IO.Journeys.JourneyYaml.Read(path).Journey ?? throw new UsageException($"the journey '{journeyId}' cannot be read.");
        return [.. new MonitorSchedule("x", journeyId, "", "UTC", default, null, [], []).EffectiveRules(journey)
            .Select(r => r.Kind == AlertKind.Threshold ? r : r with { FalseAlarmRate = rate, Reference = shiftReference })];
    }

    internal static string Time(DateTimeOffset? time) =>
        time is { } t ? t.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) : "";
}
