using System.Threading.RateLimiting;

namespace Journeyscope.Server.Security;

/// <summary>
/// Limits failed key authentications per client address (the framework's fixed-window rate limiter): past the limit,
/// every bearer request from that address gets 429 with Retry-After until the window ends, so keys cannot be guessed.
/// </summary>
public sealed class KeyGuessLimiter : IDisposable
{
    /// <summary>Failed key attempts allowed per address and window.</summary>
    public const int FailuresPerWindow = 10;

    /// <summary>The window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = FailuresPerWindow,
            Window = Window,
            QueueLimit = 0,
        }));

    /// <summary>Whether the address has failures left (checked before a key is looked up).</summary>
    public bool Allows(string address)
    {
        using var lease = _limiter.AttemptAcquire(address, 0);
        return lease.IsAcquired;
    }

    /// <summary>Counts one failed attempt.</summary>
    public void Fail(string address)
    {
        using var lease = _limiter.AttemptAcquire(address, 1);
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
