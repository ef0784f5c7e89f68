namespace Journeyscope.Server.Notifications;

/// <summary>How webhooks are sent (configuration section <c>Journeyscope:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Journeyscope:Webhooks";

    /// <summary>Attempts per delivery before it is marked failed (default 8).</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The wait before the first retry; it doubles with every further failure (default 2 s).</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts (default 10 minutes).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one attempt may take before it counts as failed (default 10 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the outbox is checked for due retries when nothing new was enqueued (default 1 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before attempt number <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failures.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var delay = InitialDelay.TotalMilliseconds * factor;
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxDelay.TotalMilliseconds));
    }
}
