using System.Text.Json;
using Journeyscope.Results;
using Journeyscope.Server.Services;
using Journeyscope.Storage.Notifications;

namespace Journeyscope.Server.Notifications;

/// <summary>
/// Where the server's features put the events they notify about: each is written to the workspace's durable outbox
/// (<see cref="WebhookStore"/>), once per target and dedup key, and <see cref="WebhookSender"/> delivers it.
/// </summary>
/// <remarks>Thread-safe. Enqueueing returns once the delivery is stored; it survives a restart.</remarks>
public sealed class WebhookOutbox(WorkspaceHost host, TimeProvider time)
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>
    /// Enqueues <paramref name="payload"/> (serialised as the API writes results) as the <c>data</c> of an event of type
    /// <paramref name="eventType"/> for every target of <paramref name="workspace"/> that receives it; a repeated
    /// <paramref name="dedupKey"/> is ignored. Returns how many deliveries were added.
    /// </summary>
    /// <exception cref="ArgumentException">The workspace name is not acceptable.</exception>
    public Task<int> EnqueueAsync(string workspace, string eventType, object payload, string dedupKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        cancellationToken.ThrowIfCancellationRequested();
        if (!WorkspaceHost.IsValidName(workspace))
        {
            throw new ArgumentException(WorkspaceHost.NameRule(workspace), nameof(workspace));
        }

        var added = Enqueue(Path.Combine(host.Root, workspace), workspace, eventType, payload, dedupKey, time.GetUtcNow());
        if (added > 0)
        {
            Wake();
        }

        return Task.FromResult(added);
    }

    /// <summary>
    /// Enqueues <paramref name="payload"/> in the outbox of the workspace in <paramref name="folder"/> (what
    /// <see cref="EnqueueAsync"/> does, for a process without a host, such as <c>journeyscope monitor run</c>); returns how
    /// many deliveries were added (none when the workspace has no webhook target).
    /// </summary>
    public static int Enqueue(string folder, string workspace, string eventType, object payload, string dedupKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!WebhookStore.Exists(folder))
        {
            return 0;
        }

        var json = JsonSerializer.Serialize(payload, payload.GetType(), ResultJson.Options);
        return WebhookStore.Enqueue(folder, workspace, eventType, json, dedupKey, now);
    }

    /// <summary>Wakes the sender (something new is due).</summary>
    internal void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/> passes on the clock.</summary>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, timer.Token);
        var woken = _signal.WaitAsync(timer.Token);
        await Task.WhenAny(delay, woken).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
