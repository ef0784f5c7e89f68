using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Keeps the cases that start (or end) with one of some activities.</summary>
/// <remarks>Case-level. Syntax: <c>starts with A</c>, <c>starts with (A, B)</c>, <c>ends with B</c>.</remarks>
public sealed class EndpointActivityFilter : CaseFilter
{
    private readonly string[] _activities;

    /// <summary>Creates the filter.</summary>
    /// <param name="atEnd"><c>false</c> tests the first event of each case; <c>true</c> the last.</param>
    /// <param name="activities">The accepted activity names.</param>
    public EndpointActivityFilter(bool atEnd, IEnumerable<string> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        AtEnd = atEnd;
        _activities = [.. activities];
    }

    /// <summary>Whether the last event (rather than the first) is tested.</summary>
    public bool AtEnd { get; }

    /// <summary>The accepted activity names.</summary>
    public IReadOnlyList<string> Activities => _activities;

    /// <inheritdoc />
    public override string ToString() =>
        (AtEnd ? "ends with " : "starts with ") +
        (_activities.Length == 1 ? FilterSyntax.Quote(_activities[0]) : FilterSyntax.List(_activities));

    internal override CasePredicate Prepare(EventLog log, ReadOnlySpan<bool> kept) =>
        new Predicate(log, ActivitySet.Resolve(log, _activities), AtEnd);

    private sealed class Predicate(EventLog log, bool[] accepted, bool atEnd) : CasePredicate
    {
        public override void Apply(int fromCase, int toCase, Span<bool> keep)
        {
            var starts = log.CaseStarts;
            var activities = log.Activities;
            for (var c = fromCase; c < toCase; c++)
            {
                var s = starts[c];
                var e = starts[c + 1];
                keep[c] &= e > s && accepted[activities[atEnd ? e - 1 : s]];
            }
        }
    }
}
