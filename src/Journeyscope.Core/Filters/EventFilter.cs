using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>A filter that keeps or drops single events inside cases. Cases left without events are dropped.</summary>
public abstract class EventFilter : LogFilter
{
    private protected EventFilter()
    {
    }

    /// <summary>Prepares the decision for <paramref name="log"/>.</summary>
    internal abstract EventPredicate Prepare(EventLog log);
}

/// <summary>An event filter prepared for one log: clears the mask of the events it drops.</summary>
internal abstract class EventPredicate
{
    /// <summary>Clears <paramref name="keep"/>[e] for each event e in [<paramref name="fromEvent"/>, <paramref name="toEvent"/>) it drops.</summary>
    public abstract void Apply(int fromEvent, int toEvent, Span<bool> keep);
}
