using System.Collections.Concurrent;
using System.Net;

namespace Journeyscope.TestSupport;

/// <summary>
/// A webhook receiver on 127.0.0.1 (a free port) that records every request and answers with the status
/// <see cref="Answer"/> picks (200 by default), so tests can make it fail, then succeed.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _loop;
    private int _count;

    public WebhookReceiver()
    {
        for (var tries = 0; ; tries++)
        {
            var port = LoopbackPort.Free();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                Url = $"http://127.0.0.1:{port}/hook";
                break;
            }
            catch (HttpListenerException) when (tries < 5)
            {
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The URL to configure as the webhook target.</summary>
    public string Url { get; }

    /// <summary>Picks the status for the n-th request (1-based); 200 unless set.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    /// <summary>What arrived so far, in order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>Waits until at least <paramref name="count"/> requests arrived; false on timeout.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (_received.Count < count)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        return true;
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _arrived.Dispose();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in context.Request.Headers.AllKeys)
            {
                if (name is not null)
                {
                    headers[name] = context.Request.Headers[name] ?? "";
                }
            }

            var status = Answer(Interlocked.Increment(ref _count));
            _received.Enqueue(new ReceivedWebhook(headers, body.ToArray(), status, DateTimeOffset.UtcNow));
            context.Response.StatusCode = status;
            context.Response.Close();
            _arrived.Release();
        }
    }

}
