using Journeyscope.Server.Notifications;
using Journeyscope.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Monitoring;

/// <summary>
/// Notifies a workspace's pending KPI alerts: one e-mail digest per schedule (the configured SMTP server) and one
/// <c>kpi.alert</c> webhook event per alert (the durable outbox, deduplicated by the alert's id), then marks them notified
/// and deletes notified alerts beyond the retention. The server (<see cref="MonitorService"/>) and
/// <c>journeyscope monitor run</c> both notify through it, with the same settings (<see cref="MonitoringOptions"/>).
/// </summary>
/// <remarks>
/// Alerts are marked notified only after their digest was sent, so a crash or a refused send sends them on the next run
/// rather than losing them (at least once; the outbox sends each alert's webhook once per target).
/// </remarks>
public sealed class AlertNotifier
{
    /// <summary>The webhook event type of an alert.</summary>
    public const string KpiAlertEvent = "kpi.alert";

    private readonly AlertMailer _mailer;
    private readonly MonitoringOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>A notifier with the monitoring settings <paramref name="options"/>.</summary>
    public AlertNotifier(IOptions<MonitoringOptions> options, TimeProvider time, ILogger<AlertNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _mailer = new AlertMailer(options);
        _time = time;
        _logger = logger;
    }

    /// <summary>A notifier reading <c>Journeyscope:Monitoring</c> from <paramref name="configuration"/> (what the CLI does).</summary>
    public static AlertNotifier Create(IConfiguration configuration, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(MonitoringOptions.SectionName).Get<MonitoringOptions>() ?? new MonitoringOptions();
        return new AlertNotifier(Options.Create(options), time ?? TimeProvider.System, NullLogger<AlertNotifier>.Instance);
    }

    /// <summary>Whether e-mail can be sent (an SMTP host is configured).</summary>
    public bool MailConfigured => _mailer.Configured;

    /// <summary>Notifies the pending alerts of <paramref name="store"/>, named <paramref name="workspace"/> in messages and webhooks.</summary>
    /// <returns>What was sent: alerts notified, digests e-mailed, webhook deliveries enqueued, digests that failed (retried next run).</returns>
    public async Task<AlertNotification> NotifyAsync(string workspace, Workspace store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var notified = 0;
        var mailed = 0;
        var enqueued = 0;
        var failed = 0;
        var pending = store.ListAlerts(pendingOnly: true, limit: 10_000);
        if (pending.Count > 0)
        {
            var schedules = store.ListSchedules().ToDictionary(s => s.Id, StringComparer.Ordinal);
            foreach (var group in pending.GroupBy(a => a.Schedule, StringComparer.Ordinal))
            {
                var alerts = group.OrderBy(a => a.PeriodEnd).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
                foreach (var alert in alerts)
                {
                    // The alert's id is the outbox's dedup key: an alert re-sent after a crash is delivered once.
                    enqueued += WebhookOutbox.Enqueue(store.Folder, workspace, KpiAlertEvent, alert, alert.Id, _time.GetUtcNow());
                }

                if (_mailer.Configured && schedules.TryGetValue(group.Key, out var schedule) && schedule.Recipients.Count > 0)
                {
                    try
                    {
                        await _mailer.SendAsync(_mailer.Digest(workspace, schedule, alerts), cancellationToken).ConfigureAwait(false);
                        mailed++;
                    }
                    catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or TimeoutException)
                    {
                        _logger.LogWarning(e, "The alert digest of schedule {Schedule} in workspace {Workspace} could not be sent; it is retried on the next run.", group.Key, workspace);
                        failed++;
                        continue;
                    }
                }

                store.MarkNotified(alerts.Select(a => a.Id));
                notified += alerts.Count;
            }
        }

        if (_options.AlertRetentionDays > 0)
        {
            store.PruneAlerts(_time.GetUtcNow() - TimeSpan.FromDays(_options.AlertRetentionDays));
        }

        return new AlertNotification(notified, mailed, enqueued, failed);
    }
}
