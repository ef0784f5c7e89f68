using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Keeps only the events of some activities, or removes the events of some activities.</summary>
/// <remarks>Event-level: the other events of a case stay, in order. Syntax: <c>activity in (A, B)</c>, <c>activity not in (X)</c>.</remarks>
public sealed class ActivityFilter : EventFilter
{
    private readonly string[] _activities;

    /// <summary>Creates the filter.</summary>
    /// <param name="activities">The activity names.</param>
    /// <param name="remove"><c>false</c> keeps only these activities; <c>true</c> removes them.</param>
    public ActivityFilter(IEnumerable<string> activities, bool remove = false)
    {
        ArgumentNullException.ThrowIfNull(activities);
        _activities = [.. activities];
        Remove = remove;
    }

    /// <summary>The activity names.</summary>
    public IReadOnlyList<string> Activities => _activities;

    /// <summary>Whether the listed activities are removed (rather than kept).</summary>
    public bool Remove { get; }

    /// <inheritdoc />
    public override string ToString() => (Remove ? "activity not in " : "activity in ") + FilterSyntax.List(_activities);

    internal override EventPredicate Prepare(EventLog log) =>
        new Predicate(log, ActivitySet.Resolve(log, _activities), Remove);

    private sealed class Predicate(EventLog log, bool[] listed, bool remove) : EventPredicate
    {
        public override void Apply(int fromEvent, int toEvent, Span<bool> keep)
        {
            var activities = log.Activities;
            for (var e = fromEvent; e < toEvent; e++)
            {
                keep[e] &= listed[activities[e]] != remove;
            }
        }
    }
}
