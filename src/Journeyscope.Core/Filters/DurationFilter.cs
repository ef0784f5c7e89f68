using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Keeps the cases whose duration (last minus first event timestamp) lies in a range, bounds inclusive.</summary>
/// <remarks>Case-level; durations read in the log's time basis. Cases without events are dropped. Syntax: <c>duration 1h..3d</c>, <c>duration ..30m</c>.</remarks>
public sealed class DurationFilter : CaseFilter
{
    /// <summary>Creates the filter; a <c>null</c> bound is open.</summary>
    public DurationFilter(TimeSpan? minimum, TimeSpan? maximum)
    {
        if (minimum is { } min && maximum is { } max && max < min)
        {
            throw new ArgumentException("The maximum duration is below the minimum.", nameof(maximum));
        }

        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The inclusive minimum, or <c>null</c>.</summary>
    public TimeSpan? Minimum { get; }

    /// <summary>The inclusive maximum, or <c>null</c>.</summary>
    public TimeSpan? Maximum { get; }

    /// <inheritdoc />
    public override string ToString() =>
        "duration " + (Minimum is { } min ? FilterSyntax.Duration(min) : string.Empty) + ".." +
        (Maximum is { } max ? FilterSyntax.Duration(max) : string.Empty);

    internal override CasePredicate Prepare(EventLog log, ReadOnlySpan<bool> kept) =>
        new Predicate(log, Minimum?.Ticks ?? long.MinValue, Maximum?.Ticks ?? long.MaxValue);

    private sealed class Predicate(EventLog log, long min, long max) : CasePredicate
    {
        public override void Apply(int fromCase, int toCase, Span<bool> keep)
        {
            var starts = log.CaseStarts;
            var times = log.Timestamps;
            for (var c = fromCase; c < toCase; c++)
            {
                var s = starts[c];
                var e = starts[c + 1];
                if (e == s)
                {
                    keep[c] = false;
                    continue;
                }

                var duration = times[e - 1] - times[s];
                keep[c] &= duration >= min && duration <= max;
            }
        }
    }
}
