using Journeyscope.EventLogs;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>
/// The activity names of a workspace's log, to reject a request naming one that does not exist (a typo would otherwise
/// silently give an empty funnel or path) with a "did you mean".
/// </summary>
internal sealed class KnownActivities(IReadOnlyList<string> activityNames, string workspace)
{
    private readonly HashSet<string> _names = new(activityNames, StringComparer.Ordinal);

    /// <summary>Throws a 400 naming <paramref name="activity"/>, where it was given, and the closest known name.</summary>
    public void Require(string activity, string where)
    {
        if (_names.Contains(activity))
        {
            return;
        }

        var detail = _names.Count == 0
            ? $"{where}: no activity '{activity}', because workspace '{workspace}' has no events yet. Import a log first."
            : $"{where}: workspace '{workspace}' has no activity '{activity}'.{DidYouMean.Hint(activity, activityNames)} " +
              $"The activities are listed by GET /api/v1/workspaces/{workspace}/summary.";
        throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown activity", detail,
            new Dictionary<string, object?> { ["activity"] = activity, ["suggestion"] = NameSuggestions.Closest(activity, activityNames) });
    }

    /// <summary>Checks every activity of <paramref name="activities"/>.</summary>
    public void RequireAll(IEnumerable<string> activities, string where)
    {
        foreach (var activity in activities)
        {
            Require(activity, where);
        }
    }
}
