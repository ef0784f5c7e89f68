using Journeyscope.EventLogs;

namespace Journeyscope.Performance;

/// <summary>
/// The bottlenecks: the one result of <c>journeyscope bottlenecks --format json</c>, <c>GET …/bottlenecks</c> and the value
/// stream page's table. Hand-overs ranked by the total waiting time they cost, in seconds.
/// </summary>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="TotalWaitingSeconds">The waiting time of all cases.</param>
/// <param name="UsesCalendar">Whether times count working time only.</param>
/// <param name="Bottlenecks">The worst hand-overs, costliest first.</param>
public sealed record BottlenecksResult(TimeBasis TimeBasis, long Version, double TotalWaitingSeconds, bool UsesCalendar, IReadOnlyList<BottleneckSummary> Bottlenecks)
{
    /// <summary>How many hand-overs a result shows when none is asked for, on every surface.</summary>
    public const int DefaultTop = 10;

    /// <summary>The <paramref name="top"/> costliest hand-overs of <paramref name="log"/>.</summary>
    /// <param name="log">The (filtered) log.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="options">Value stream options; the defaults when null.</param>
    /// <param name="top">How many to show.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    public static BottlenecksResult Analyze(
        EventLog log, long version, ValueStreamOptions? options = null, int top = DefaultTop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        return From(log, version, ValueStream.Analyze(log, options, cancellationToken), top);
    }

    /// <summary>The <paramref name="top"/> costliest hand-overs of a value stream already analysed.</summary>
    /// <param name="log">The (filtered) log <paramref name="stream"/> was analysed from.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="stream">Its value stream.</param>
    /// <param name="top">How many to show.</param>
    public static BottlenecksResult From(EventLog log, long version, ValueStreamResult stream, int top = DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(log);
        return From(log.TimeBasis, version, stream, top);
    }

    /// <summary>The <paramref name="top"/> costliest hand-overs of a value stream already analysed or finished from partials.</summary>
    internal static BottlenecksResult From(TimeBasis timeBasis, long version, ValueStreamResult stream, int top)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var shown = stream.Bottlenecks.Take(top)
            .Select(b => new BottleneckSummary(b.Rank, b.Edge.From, b.Edge.To, b.Edge.Count, b.Edge.TotalWaitingTime.TotalSeconds,
                b.Edge.MeanWaitingTime.TotalSeconds, b.Edge.MedianWaitingTime.TotalSeconds, b.Share))
            .ToList();
        return new BottlenecksResult(timeBasis, version, stream.TotalWaitingTime.TotalSeconds, stream.UsesCalendar, shown);
    }
}
