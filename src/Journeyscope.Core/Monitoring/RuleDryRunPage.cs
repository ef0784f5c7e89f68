namespace Journeyscope.Monitoring;

/// <summary>Which firings of a dry run to list (<see cref="RuleDryRun.Run"/>).</summary>
public sealed record RuleDryRunPage
{
    /// <summary>The most firings listed per page.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>Lists the firings from <paramref name="offset"/> on, at most <paramref name="limit"/> (1 to <see cref="MaxLimit"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offset is negative or the limit outside 1 to <see cref="MaxLimit"/>.</exception>
    public RuleDryRunPage(int offset = 0, int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        Offset = offset;
        Limit = limit;
    }

    /// <summary>Firings skipped first.</summary>
    public int Offset { get; }

    /// <summary>The most firings listed.</summary>
    public int Limit { get; }
}
