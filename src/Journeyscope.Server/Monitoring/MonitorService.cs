using Journeyscope.EventLogs;
using Journeyscope.Monitoring;
using Journeyscope.Server.Notifications;
using Journeyscope.Server.Services;
using Journeyscope.Storage;

namespace Journeyscope.Server.Monitoring;

/// <summary>
/// Runs a workspace's due schedules (<see cref="MonitorRunner"/>) and notifies their pending alerts through
/// <see cref="AlertNotifier"/> (one e-mail digest per schedule and run, one <c>kpi.alert</c> webhook event per alert).
/// Used by the scheduler and by <c>POST …/monitoring/run</c>; runs of one workspace are serialised.
/// </summary>
/// <remarks>
/// Alerts are stored with the period that raised them (one transaction) and marked notified only after their digest
/// was sent, so a crash between the two sends them on the next run rather than losing them (at least once).
/// </remarks>
internal sealed class MonitorService(
    WorkspaceHost host, EventLogCache cache, AlertNotifier notifier, WebhookOutbox webhooks, TimeProvider time)
{
    /// <summary>The webhook event type of an alert.</summary>
    public const string KpiAlertEvent = AlertNotifier.KpiAlertEvent;

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

            if ((await notifier.NotifyAsync(workspace, store, cancellationToken).ConfigureAwait(false)).Webhooks > 0)
            {
                webhooks.Wake();
            }

            return run;
        }
        finally
        {
            gate.Release();
        }
    }

    private EventLog Load(string workspace, CancellationToken cancellationToken) =>
        cache.GetAsync(workspace, TimeBasis.Utc, cancellationToken).GetAwaiter().GetResult().Log;

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
