using System.Text;
using System.Text.RegularExpressions;
using Journeyscope.Server.Components.Api;

namespace Journeyscope.Server.Components;

/// <summary>
/// A server message as a page shows it: what to click or type, never which API to call. The API's problem details
/// speak to scripts (routes, query parameters); a page drops those sentences and, for the problems a page can meet,
/// says where in the UI to go instead.
/// </summary>
internal static partial class UserMessage
{
    /// <summary>The page's wording of a failed request.</summary>
    public static string Of(ApiException problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var detail = problem.Detail is null ? null : Page(problem.Detail);
        var hint = problem.Title switch
        {
            "Unknown workspace" => "Choose a workspace on the start page.",
            "Unknown case" => "Open a case from the process map, the variants or a funnel's drop-offs.",
            "Unknown journey" => "Choose a journey on the Journey page.",
            "Invalid journey" => "The Journey page lists its errors with their lines.",
            "Touchpoint without events" => "The Journey page shows the touchpoint's rule; pick a touchpoint whose rule matches your activities.",
            "Unknown activity" or "Unknown touchpoint" => "Pick one from the list.",
            "Unknown name in a KPI" => "Correct the KPI's name in the journey's YAML (its kpis: section), or import the events it names.",
            "Workspace exists" => "Open it from the start page, or type another name.",
            _ => null,
        };
        var text = new StringBuilder(Page(problem.Title));
        if (!string.IsNullOrEmpty(detail))
        {
            text.Append(": ").Append(detail);
        }

        if (hint is not null && !text.ToString().Contains(hint, StringComparison.Ordinal))
        {
            text.Append(text.Length == 0 || text[^1] is '.' or '?' or '!' ? " " : ". ").Append(hint);
        }

        return text.ToString().Trim();
    }

    /// <summary>The page's wording when the server did not answer.</summary>
    public static string Unreachable(HttpRequestException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return "The Journeyscope server did not answer (" + failure.Message + "). Reload the page once it runs again.";
    }

    /// <summary>
    /// <paramref name="message"/> without the sentences (or clauses after ';') that name an API route or a query
    /// parameter to set, and with <c>name='value'</c> written as <c>'value'</c>.
    /// </summary>
    public static string Page(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var kept = new StringBuilder();
        foreach (Match sentence in Sentence().Matches(message))
        {
            var clauses = sentence.Value.Split("; ");
            var keptClauses = clauses.Where(c => !ApiWording().IsMatch(c)).ToList();
            if (keptClauses.Count == 0)
            {
                continue;
            }

            var text = string.Join("; ", keptClauses).Trim();
            if (keptClauses.Count < clauses.Length && text.Length > 0 && text[^1] is not ('.' or '?' or '!'))
            {
                text += ".";
            }

            kept.Append(kept.Length == 0 ? "" : " ").Append(text);
        }

        return Parameter().Replace(kept.ToString(), "$1");
    }

    /// <summary>Whether <paramref name="text"/> tells the user to call the API: a route, an HTTP verb with a path, or a query parameter to set.</summary>
    public static bool HasApiWording(string text) => ApiWording().IsMatch(text) || Parameter().IsMatch(text);

    [GeneratedRegex(@"[^.?!]+(?:[.?!]+(?=\s|$)|$)")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"/api/|\bapi/v1\b|\b(?:GET|POST|PUT|PATCH|DELETE) (?:/|\.\.\.|…)|\b[a-z][A-Za-z]*=(?:…|\.\.\.)|\b(?:CsvImportOptions|ImportOptions|EventLogFileOptions|VocOptions)\b")]
    private static partial Regex ApiWording();

    [GeneratedRegex(@"\b[a-z][A-Za-z.]*=('[^']*')")]
    private static partial Regex Parameter();
}
