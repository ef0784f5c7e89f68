using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Keeps the cases that are contained in, intersect, start in or complete in a time window.</summary>
/// <remarks>
/// Case-level. The window is half-open, [<see cref="FromTicks"/>, <see cref="ToTicks"/>), in the log's time basis
/// (UTC ticks, or wall-clock ticks for a <see cref="TimeBasis.WallClock"/> log). Cases without events are dropped.
/// Syntax: <c>time contained 2024-01-01..2024-03-31</c> (a date-only upper bound includes that whole day;
/// a date-time upper bound is inclusive).
/// </remarks>
public sealed class TimeWindowFilter : CaseFilter
{
    /// <summary>Creates the filter.</summary>
    /// <param name="mode">How a case must relate to the window.</param>
    /// <param name="fromTicks">Inclusive lower bound in ticks; <see cref="long.MinValue"/> for none.</param>
    /// <param name="toTicks">Exclusive upper bound in ticks; <see cref="long.MaxValue"/> for none.</param>
    public TimeWindowFilter(TimeWindowMode mode, long fromTicks, long toTicks)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown time window mode.");
        }

        if (toTicks < fromTicks)
        {
            throw new ArgumentException("The window's end is before its start.", nameof(toTicks));
        }

        Mode = mode;
        FromTicks = fromTicks;
        ToTicks = toTicks;
    }

    /// <summary>How a case must relate to the window.</summary>
    public TimeWindowMode Mode { get; }

    /// <summary>Inclusive lower bound in ticks.</summary>
    public long FromTicks { get; }

    /// <summary>Exclusive upper bound in ticks.</summary>
    public long ToTicks { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var from = FromTicks == long.MinValue ? string.Empty : FilterSyntax.Instant(FromTicks);
        var to = ToTicks == long.MaxValue ? string.Empty : FilterSyntax.Instant(ToTicks - 1);
        return "time " + Mode.ToString().ToLowerInvariant() + " " + from + ".." + to;
    }

    internal override CasePredicate Prepare(EventLog log, ReadOnlySpan<bool> kept) => new Predicate(log, this);

    private sealed class Predicate(EventLog log, TimeWindowFilter filter) : CasePredicate
    {
        public override void Apply(int fromCase, int toCase, Span<bool> keep)
        {
            var starts = log.CaseStarts;
            var times = log.Timestamps;
            var lo = filter.FromTicks;
            var hi = filter.ToTicks;
            for (var c = fromCase; c < toCase; c++)
            {
                if (!keep[c])
                {
                    continue;
                }

                var s = starts[c];
                var e = starts[c + 1];
                if (e == s)
                {
                    keep[c] = false;
                    continue;
                }

                var first = times[s];
                var last = times[e - 1];
                keep[c] = filter.Mode switch
                {
                    TimeWindowMode.Contained => first >= lo && last < hi,
                    TimeWindowMode.Intersecting => first < hi && last >= lo,
                    TimeWindowMode.Started => first >= lo && first < hi,
                    _ => last >= lo && last < hi,
                };
            }
        }
    }
}
