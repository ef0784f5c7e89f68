using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Journeyscope.Storage.Notifications;

namespace Journeyscope.Server.Notifications;

/// <summary>
/// Sends the due deliveries of one workspace's outbox: POSTs each, signed (<see cref="WebhookSignature"/>), and records
/// the outcome; failures (no answer, a timeout, a 5xx, 408 or 429) are scheduled again with exponential back-off
/// (<see cref="WebhookOptions.Backoff"/>) until <see cref="WebhookOptions.MaxAttempts"/>; other 4xx answers fail at once.
/// The server's <see cref="WebhookSender"/> and <c>journeyscope monitor run</c> both send through it.
/// </summary>
/// <remarks>Thread-safe: the state is in the outbox.</remarks>
public sealed class WebhookPoster(Func<HttpClient> client, WebhookOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>The most deliveries taken per call.</summary>
    public const int BatchSize = 64;

    /// <summary>An HTTP handler as deliveries need it: no redirects (a target cannot bounce a signed body elsewhere), no cookies.</summary>
    public static SocketsHttpHandler Handler() => new() { AllowAutoRedirect = false, UseCookies = false };

    /// <summary>Attempts the deliveries of the workspace in <paramref name="folder"/> that are due now (up to <see cref="BatchSize"/>); returns how many.</summary>
    public async Task<int> DeliverDueAsync(string folder, CancellationToken cancellationToken)
    {
        if (!WebhookStore.Exists(folder))
        {
            return 0;
        }

        var due = WebhookStore.Due(folder, time.GetUtcNow(), BatchSize);
        await Parallel.ForEachAsync(
            due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (delivery, token) => await AttemptAsync(folder, delivery, token).ConfigureAwait(false)).ConfigureAwait(false);
        return due.Count;
    }

    private async Task AttemptAsync(string folder, PendingWebhook delivery, CancellationToken cancellationToken)
    {
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
        attempt.CancelAfter(options.Timeout);
        try
        {
            using var response = await client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
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
            error = $"No answer within {options.Timeout.TotalSeconds:0.#} s.";
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }

        var attempts = delivery.Attempts + 1;
        DateTimeOffset? retryAt = retry && attempts < options.MaxAttempts ? time.GetUtcNow() + options.Backoff(attempts) : null;
        WebhookStore.RecordAttempt(folder, delivery.Id, false, status, error, retryAt, time.GetUtcNow());
        logger.LogInformation("Webhook delivery {Delivery} to {Url} failed (attempt {Attempt}): {Error}", delivery.Id, delivery.Url, attempts, error);
    }
}
