using Journeyscope.Server.Services;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Notifications;

/// <summary>
/// Delivers the outbox of every hosted workspace through <see cref="WebhookPoster"/>: each due delivery signed, failures
/// retried with exponential back-off (<see cref="WebhookOptions.Backoff"/>) until <see cref="WebhookOptions.MaxAttempts"/>.
/// </summary>
/// <remarks>
/// Wakes when something is enqueued and every <see cref="WebhookOptions.PollInterval"/> for retries. A restart resumes
/// with what the outbox holds: a delivery cut short by the restart is sent again with the same id and body.
/// </remarks>
public sealed class WebhookSender(
    WorkspaceHost host, WebhookOutbox outbox, IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time,
    ILogger<WebhookSender> logger) : BackgroundService
{
    /// <summary>The name of the HTTP client deliveries are sent with (no redirects, no cookies).</summary>
    public const string ClientName = "journeyscope-webhooks";

    private const int BatchSize = WebhookPoster.BatchSize;

    private readonly WebhookPoster _poster = new(() => clients.CreateClient(ClientName), options.Value, time, logger);

    /// <summary>Delivers what is due in every workspace once; returns how many attempts were made.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        foreach (var workspace in host.List())
        {
            attempts += await _poster.DeliverDueAsync(Path.Combine(host.Root, workspace), cancellationToken).ConfigureAwait(false);
        }

        return attempts;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DeliverDueAsync(stoppingToken).ConfigureAwait(false) == BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or Microsoft.Data.Sqlite.SqliteException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Webhook outbox could not be read; retrying.");
            }

            try
            {
                await outbox.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
