namespace Journeyscope.Server.Api;

/// <summary>"Did you mean" hints for names a request got wrong (activities, touchpoints, attributes), by edit distance.</summary>
internal static class NameSuggestions
{
    /// <summary>The candidate closest to <paramref name="text"/> when it is close enough to be a typo, else <c>null</c>.</summary>
    /// <remarks>A candidate equal but for letter case always wins; otherwise at most a third of the longer name may differ (1 to 3 edits).</remarks>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = string.Equals(text, candidate, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(text, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        var allowed = best is null ? 0 : Math.Clamp(Math.Max(text.Length, best.Length) / 3, 1, 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>" Did you mean 'x'?" when a close candidate exists, else an empty string.</summary>
    public static string Hint(string text, IEnumerable<string> candidates) =>
        Closest(text, candidates) is { } best ? $" Did you mean '{best}'?" : string.Empty;

    /// <summary>Case-insensitive edit distance with adjacent transpositions (optimal string alignment).</summary>
    private static int Distance(string a, string b)
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
