namespace Journeyscope.EventLogs;

/// <summary>
/// "Did you mean" suggestions by edit distance, the one implementation behind every hint for a mistyped name: journey
/// validation, scenario keys, and the web API's activities, touchpoints and attributes.
/// </summary>
public static class NameSuggestions
{
    /// <summary>" Did you mean 'x'?" when a close candidate exists (<see cref="Closest"/>), else an empty string: the sentence CLI and API errors append.</summary>
    public static string Hint(string text, IEnumerable<string> candidates) =>
        Closest(text, candidates) is { } best ? $" Did you mean '{best}'?" : string.Empty;

    /// <summary>The candidate closest to <paramref name="text"/> when it is close enough to be a likely typo, else <c>null</c>.</summary>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(text, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // A third of the longer word, at least one edit, at most three: close enough to be a typo, not a different word.
        var allowed = best is null ? 0 : Math.Clamp(Math.Max(text.Length, best.Length) / 3, 1, 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>
    /// Edit distance with adjacent transpositions (optimal string alignment), case-insensitive: <c>stgae</c> is one
    /// edit from <c>stage</c>, as a typist would count it.
    /// </summary>
    public static int Distance(string a, string b)
    {
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[b.Length];
    }

    private static bool Same(char x, char y) => char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
