using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Keeps the cases that contain (or, negated, lack) an event of one of some activities.</summary>
/// <remarks>
/// Case-level: the whole case is kept, every event included (unlike <c>activity in (...)</c>, which keeps only those
/// events). Syntax: <c>contains A</c>, <c>contains (A, B)</c>, <c>not contains A</c>. Disco's "mandatory" activity
/// filter; the process map's "filter from here" on a node.
/// </remarks>
public sealed class ActivityPresenceFilter : CaseFilter
{
    private readonly string[] _activities;

    /// <summary>Creates the filter.</summary>
    /// <param name="activities">The activity names; a case with an event of any of them matches.</param>
    /// <param name="negate"><c>true</c> keeps the cases without any of them.</param>
    public ActivityPresenceFilter(IEnumerable<string> activities, bool negate = false)
    {
        ArgumentNullException.ThrowIfNull(activities);
        _activities = [.. activities];
        Negate = negate;
    }

    /// <summary>The activity names.</summary>
    public IReadOnlyList<string> Activities => _activities;

    /// <summary>Whether the cases without the activities are kept instead.</summary>
    public bool Negate { get; }

    /// <inheritdoc />
    public override string ToString() =>
        (Negate ? "not contains " : "contains ") +
        (_activities.Length == 1 ? FilterSyntax.Quote(_activities[0]) : FilterSyntax.List(_activities));

    internal override CasePredicate Prepare(EventLog log, ReadOnlySpan<bool> kept) =>
        new Predicate(log, ActivitySet.Resolve(log, _activities), Negate);

    private sealed class Predicate(EventLog log, bool[] accepted, bool negate) : CasePredicate
    {
        public override void Apply(int fromCase, int toCase, Span<bool> keep)
        {
            var starts = log.CaseStarts;
            var activities = log.Activities;
            for (var c = fromCase; c < toCase; c++)
            {
                if (!keep[c])
                {
                    continue;
                }

                var found = false;
                for (var e = starts[c]; e < starts[c + 1] && !found; e++)
                {
                    found = accepted[activities[e]];
                }

                keep[c] = found != negate;
            }
        }
    }
}
