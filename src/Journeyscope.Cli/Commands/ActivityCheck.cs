using Journeyscope.EventLogs;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// The one check of the activities a command's steps name (<c>funnel</c>, <c>paths</c>): a misspelt step would otherwise
/// give a silent empty result, so it is an error (exit 1) with a did-you-mean.
/// </summary>
internal static class ActivityCheck
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
}
