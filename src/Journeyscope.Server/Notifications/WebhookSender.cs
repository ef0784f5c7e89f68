using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Journeyscope.Server.Services;
using Journeyscope.Storage.Notifications;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Notifications;

/// <summary>
/// Delivers the outbox of every hosted workspace: POSTs each due delivery, signed (<see cref="WebhookSignature"/>), and
/// records the outcome; failures (no answer, a timeout, a 5xx, 408 or 429) are retried with exponential back-off
/// (<see cref="WebhookOptions.Backoff"/>) until <see cref="WebhookOptions.MaxAttempts"/>; other 4xx answers fail at once.
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

    private const int BatchSize = 64;

    /// <summary>Delivers what is due in every workspace once; returns how many attempts were made.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        foreach (var workspace in host.List())
        {
            var folder = Path.Combine(host.Root, workspace);
            if (!WebhookStore.Exists(folder))
            {
                continue;
            }

            var due = WebhookStore.Due(folder, time.GetUtcNow(), BatchSize);
            await Parallel.ForEachAsync(
                due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (delivery, token) => await AttemptAsync(folder, delivery, token).ConfigureAwait(false)).ConfigureAwait(false);
            attempts += due.Count;
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

    private async Task AttemptAsync(string folder, PendingWebhook delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        var now = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var seconds = now.ToUnixTimeSeconds();
        request.Headers.Add(WebhookSignature.TimestampHeader, seconds.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(delivery.Secret, seconds, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id);
        request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Journeyscope-Webhooks", "1"));

        int? status = null;
        string? error;
        var retry = true;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(settings.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token)
                .ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                WebhookStore.RecordAttempt(folder, delivery.Id, true, status, null, null, time.GetUtcNow());
                return;
            }

            error = $"The receiver answered {status} {response.ReasonPhrase}.";
            retry = status >= 500 || status is 408 or 429;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"No answer within {settings.Timeout.TotalSeconds:0.#} s.";
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }

        var attempts = delivery.Attempts + 1;
        DateTimeOffset? retryAt = retry && attempts < settings.MaxAttempts ? time.GetUtcNow() + settings.Backoff(attempts) : null;
        WebhookStore.RecordAttempt(folder, delivery.Id, false, status, error, retryAt, time.GetUtcNow());
        logger.LogInformation("Webhook delivery {Delivery} to {Url} failed (attempt {Attempt}): {Error}", delivery.Id, delivery.Url, attempts, error);
    }
}
