using Journeyscope.EventLogs;
using Journeyscope.Monitoring;
using Journeyscope.Server.Notifications;
using Journeyscope.Server.Services;
using Journeyscope.Storage;

namespace Journeyscope.Server.Monitoring;

/// <summary>
/// Runs a workspace's due schedules (<see cref="MonitorRunner"/>) and notifies their pending alerts: one e-mail digest
/// per schedule and run, and one webhook event <c>kpi.alert</c> per alert (the signed outbox, deduplicated by the alert's
/// id). Used by the scheduler and by <c>POST …/monitoring/run</c>; runs of one workspace are serialised.
/// </summary>
/// <remarks>
/// Alerts are stored with the period that raised them (one transaction) and marked notified only after their digest
/// was sent, so a crash between the two sends them on the next run rather than losing them (at least once).
/// </remarks>
internal sealed class MonitorService(
    WorkspaceHost host, EventLogCache cache, AlertMailer mailer, WebhookOutbox webhooks, TimeProvider time, ILogger<MonitorService> logger)
{
    /// <summary>The webhook event type of an alert.</summary>
    public const string KpiAlertEvent = "kpi.alert";

    private readonly Dictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly Lock _gatesLock = new();

    /// <summary>Raised after alerts were raised in a workspace (workspace name, alerts), for other notifiers.</summary>
    public event Action<string, IReadOnlyList<KpiAlert>>? AlertsRaised;

    /// <summary>Takes the due snapshots of <paramref name="workspace"/> (one schedule or all), then notifies pending alerts.</summary>
    public async Task<MonitorRun> RunAsync(string workspace, string? scheduleId, CancellationToken cancellationToken)
    {
        var gate = Gate(workspace);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var store = host.Get(workspace);
            var now = time.GetUtcNow();
            var run = await Task.Run(
                () => MonitorRunner.Run(store, now, () => Load(workspace, cancellationToken), scheduleId, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            var raised = run.Schedules.SelectMany(s => s.Alerts).ToList();
            if (raised.Count > 0)
            {
                AlertsRaised?.Invoke(workspace, raised);
            }

            await NotifyAsync(workspace, store, cancellationToken).ConfigureAwait(false);
            return run;
        }
        finally
        {
            gate.Release();
        }
    }

    private EventLog Load(string workspace, CancellationToken cancellationToken) =>
        cache.GetAsync(workspace, TimeBasis.Utc, cancellationToken).GetAwaiter().GetResult().Log;

    private async Task NotifyAsync(string workspace, Workspace store, CancellationToken cancellationToken)
    {
        var pending = store.ListAlerts(pendingOnly: true, limit: 10_000);
        if (pending.Count == 0)
        {
            return;
        }

        var schedules = store.ListSchedules().ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var group in pending.GroupBy(a => a.Schedule, StringComparer.Ordinal))
        {
            var alerts = group.OrderBy(a => a.PeriodEnd).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
            foreach (var alert in alerts)
            {
                // The alert's id is the outbox's dedup key: an alert re-sent after a crash is delivered once.
                await webhooks.EnqueueAsync(workspace, KpiAlertEvent, alert, alert.Id, cancellationToken).ConfigureAwait(false);
            }

            if (mailer.Configured && schedules.TryGetValue(group.Key, out var schedule) && schedule.Recipients.Count > 0)
            {
                try
                {
                    await mailer.SendAsync(mailer.Digest(workspace, schedule, alerts), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or TimeoutException)
                {
                    logger.LogWarning(e, "The alert digest of schedule {Schedule} in workspace {Workspace} could not be sent; it is retried on the next run.", group.Key, workspace);
                    continue;
                }
            }

            store.MarkNotified(alerts.Select(a => a.Id));
        }
    }

    private SemaphoreSlim Gate(string workspace)
    {
        lock (_gatesLock)
        {
            if (!_gates.TryGetValue(workspace, out var gate))
            {
                gate = new SemaphoreSlim(1, 1);
                _gates[workspace] = gate;
            }

            return gate;
        }
    }
}
