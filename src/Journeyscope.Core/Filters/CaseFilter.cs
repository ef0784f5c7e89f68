using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>A filter that decides, case by case, whether a whole case is kept.</summary>
public abstract class CaseFilter : LogFilter
{
    private protected CaseFilter()
    {
    }

    /// <summary>
    /// Whether the decision for one case depends on the other cases still kept (variant rankings do); such a filter
    /// is prepared against the cases kept by the filters before it.
    /// </summary>
    internal virtual bool DependsOnPopulation => false;

    /// <summary>Prepares the decision for <paramref name="log"/>; <paramref name="kept"/> marks the cases kept so far.</summary>
    internal abstract CasePredicate Prepare(EventLog log, ReadOnlySpan<bool> kept);
}

/// <summary>A case filter prepared for one log: clears the mask of the cases it drops.</summary>
internal abstract class CasePredicate
{
    /// <summary>Clears <paramref name="keep"/>[c] for each case c in [<paramref name="fromCase"/>, <paramref name="toCase"/>) it drops.</summary>
    public abstract void Apply(int fromCase, int toCase, Span<bool> keep);
}
