using Journeyscope.EventLogs;

namespace Journeyscope.Server.Api;

/// <summary>The " Did you mean 'x'?" sentence API errors append for a mistyped activity, touchpoint or attribute.</summary>
internal static class DidYouMean
{
    /// <summary>" Did you mean 'x'?" when a close candidate exists, else an empty string (<see cref="NameSuggestions.Hint"/>).</summary>
    public static string Hint(string text, IEnumerable<string> candidates) => NameSuggestions.Hint(text, candidates);
}
