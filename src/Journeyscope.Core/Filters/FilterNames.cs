using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>
/// The activity names filters give, checked against a log: a misspelt name in <c>contains A</c>, <c>follows A -> B</c>,
/// <c>starts with A</c>, <c>activity in (A)</c> or a variant would otherwise keep no case (or every case, negated) in
/// silence, so the CLI exits 1 and the API answers 400 with a did-you-mean.
/// </summary>
public static class FilterNames
{
    /// <summary>The activities <paramref name="filter"/> names (none for filters that name no activity).</summary>
    public static IReadOnlyList<string> Activities(LogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        switch (filter)
        {
            case ActivityPresenceFilter presence:
                return presence.Activities;
            case ActivityFilter activity:
                return activity.Activities;
            case EndpointActivityFilter endpoint:
                return endpoint.Activities;
            case RelationFilter relation:
                return [relation.From, relation.To];
            case VariantFilter variant:
                var names = new List<string>();
                foreach (var sequence in variant.Sequences)
                {
                    names.AddRange(sequence);
                }

                return names;
            default:
                return [];
        }
    }

    /// <summary>
    /// The first activity one of <paramref name="filters"/> names that <paramref name="log"/> lacks, as a sentence naming
    /// the filter (prefixed with <paramref name="where"/>) and the closest activity; null when every name is known.
    /// </summary>
    /// <param name="log">The unfiltered log: a filter may name an activity an earlier filter removed.</param>
    /// <param name="filters">The filters, in the textual syntax's order.</param>
    /// <param name="where">How the caller names the filters' origin, e.g. <c>--filter</c> or <c>outcome</c>.</param>
    public static string? FirstUnknownActivity(EventLog log, IEnumerable<LogFilter> filters, string where)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(filters);
        var known = new HashSet<string>(log.ActivityNames, StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            foreach (var activity in Activities(filter))
            {
                if (!known.Contains(activity))
                {
                    return $"{where} \"{filter}\": the workspace has no activity '{activity}'.{NameSuggestions.Hint(activity, log.ActivityNames)}";
                }
            }
        }

        return null;
    }
}
