using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Services;

/// <summary>
/// Deletes the import wizard's kept uploads once unused for <see cref="JourneyscopeServerOptions.KeptUploadLifetime"/>,
/// checking a few times per lifetime (at most hourly), so abandoned uploads never accumulate on a long-running server.
/// </summary>
internal sealed class KeptUploadExpiry(UploadFolder uploads, IOptions<JourneyscopeServerOptions> options, TimeProvider time, ILogger<KeptUploadExpiry> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lifetime = options.Value.KeptUploadLifetime;
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        var period = TimeSpan.FromTicks(Math.Clamp(lifetime.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromHours(1).Ticks));
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var removed = uploads.SweepExpired(time.GetUtcNow(), lifetime);
                if (removed > 0)
                {
                    logger.LogInformation("Deleted {Count} kept upload(s) unused for {Lifetime}", removed, lifetime);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
