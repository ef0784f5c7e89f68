using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// The one check of the names a command's options give (the activities of <c>funnel</c> and <c>paths</c> steps, the
/// attribute of <c>kpi --by</c>): a misspelt name would otherwise give a silent empty result, so it is an error (exit 1)
/// with a did-you-mean (<see cref="NameSuggestions.Hint"/>).
/// </summary>
internal static class NameCheck
{
    /// <summary>The first named activity the log does not have, as an error message with a did-you-mean; null when all exist.</summary>
    /// <param name="log">The workspace's log.</param>
    /// <param name="named">Where each activity was named (an option, e.g. <c>--step 2</c>) and the activities named there.</param>
    public static string? FirstUnknown(EventLog log, IEnumerable<(string Where, IReadOnlyList<string> Activities)> named)
    {
        var known = new HashSet<string>(log.ActivityNames, StringComparer.Ordinal);
        foreach (var (where, activities) in named)
        {
            foreach (var activity in activities)
            {
                if (!known.Contains(activity))
                {
                    return $"{where}: the workspace has no activity '{activity}'.{NameSuggestions.Hint(activity, log.ActivityNames)} " +
                        "See `journeyscope info` for the activities.";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// An error message with a did-you-mean when <paramref name="attribute"/> is neither a case attribute nor an event
    /// attribute (nor a standard column: channel, resource, lifecycle) of the log; null when it is one.
    /// </summary>
    public static string? UnknownAttribute(EventLog log, string where, string attribute)
    {
        var names = new List<string>();
        foreach (var column in log.CaseAttributes)
        {
            names.Add(column.Name);
        }

        foreach (var column in log.EventAttributes)
        {
            names.Add(column.Name);
        }

        foreach (var (name, column) in new[] { ("channel", log.Channel), ("resource", log.Resource), ("lifecycle", log.Lifecycle) })
        {
            if (column is not null)
            {
                names.Add(name);
            }
        }

        return names.Contains(attribute, StringComparer.Ordinal)
            ? null
            : $"{where}: the workspace has no case or event attribute '{attribute}'.{NameSuggestions.Hint(attribute, names)} " +
                "See `journeyscope info` for the attributes.";
    }

    /// <summary>
    /// The errors for the event names <paramref name="journey"/>'s KPIs use that neither the journey nor the log has
    /// (<see cref="KpiNames.Unknown(EventLog, DesignedJourney)"/>), one line each with a did-you-mean; null when every name is known.
    /// </summary>
    public static string? UnknownKpiNames(EventLog log, DesignedJourney journey)
    {
        var unknown = KpiNames.Unknown(log, journey);
        return unknown.Count == 0
            ? null
            : string.Join(Environment.NewLine + "error: ", unknown.Select(u => u.Message)) + Environment.NewLine +
                "See `journeyscope info` for the activities and `journeyscope journey show` for the touchpoints and stages.";
    }
}
