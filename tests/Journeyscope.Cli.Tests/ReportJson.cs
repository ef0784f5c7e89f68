using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Journeyscope.Cli.Tests;

/// <summary>Reads what an HTML report embeds and checks that it loads nothing from elsewhere.</summary>
internal static partial class ReportJson
{
    /// <summary>The report's embedded JSON.</summary>
    public static JsonNode Data(string html) =>
        JsonNode.Parse(DataBlock().Match(html).Groups[1].Value) ?? throw new InvalidOperationException("The report has no data block.");

    /// <summary>The references that would make a browser load something: src/href to http(s), CSS url(http…), @import, link elements.</summary>
    public static IReadOnlyList<string> ExternalReferences(string html) =>
        [.. External().Matches(html).Select(m => m.Value)];

    /// <summary>The markup without the content of its script elements.</summary>
    public static string WithoutScripts(string html) => Scripts().Replace(html, "<script></script>");

    [GeneratedRegex("<script\\b[^>]*>.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex("<script id=\"journeyscope-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [GeneratedRegex(@"(?:src|href|srcset|action)\s*=\s*[""']?\s*(?:https?:)?//|url\(\s*[""']?\s*(?:https?:)?//|@import|<link\b|<iframe\b", RegexOptions.IgnoreCase)]
    private static partial Regex External();
}
