using Journeyscope.Server.Services;
using Journeyscope.Storage;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Monitoring;

/// <summary>
/// The server's scheduler: at start and then every <see cref="MonitoringOptions.CheckIntervalSeconds"/> (on the
/// injected <see cref="TimeProvider"/>), runs the due schedules of every hosted workspace.
/// </summary>
/// <remarks>
/// It keeps no state of its own: the last completed period of each schedule is in the workspace, so after a restart
/// (or a kill -9) the first tick catches up every period that ended meanwhile, and a period stored before the crash is
/// never taken again.
/// </remarks>
internal sealed class MonitorScheduler(
    MonitorService monitor, WorkspaceHost host, IOptions<MonitoringOptions> options, TimeProvider time, ILogger<MonitorScheduler> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Scheduler)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.CheckIntervalSeconds));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await TickAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        foreach (var name in host.List())
        {
            try
            {
                if (!host.Exists(name) || host.Get(name).ListSchedules().Count == 0)
                {
                    continue;
                }

                var run = await monitor.RunAsync(name, null, stoppingToken).ConfigureAwait(false);
                foreach (var schedule in run.Schedules.Where(s => s.Error is not null))
                {
                    logger.LogWarning("Schedule {Schedule} of workspace {Workspace} cannot run: {Error}", schedule.Schedule, name, schedule.Error);
                }
            }
            catch (Exception e) when (e is WorkspaceException or ObjectDisposedException or IOException)
            {
                logger.LogWarning(e, "Monitoring of workspace {Workspace} skipped this time.", name);
            }
        }
    }
}
