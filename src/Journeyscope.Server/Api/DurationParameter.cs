using Journeyscope.EventLogs;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>Positive durations in requests (funnel windows, churn rules), in the one duration syntax of docs/durations.md.</summary>
internal static class DurationParameter
{
    /// <summary>Parses <paramref name="text"/>; a bad or non-positive one is a 400 naming <paramref name="field"/>.</summary>
    public static TimeSpan Parse(string text, string field)
    {
        if (DurationText.TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid duration",
            $"{field} expects a positive duration such as 90s, 15m, 1.5h, 7d, 2w or 1d12h; got '{text}'.",
            new Dictionary<string, object?> { ["field"] = field });
    }
}
