using System.Globalization;
using Journeyscope.Agenda;

namespace Journeyscope.Server.Components;

/// <summary>The root cause and improvement endpoints, for the Root cause and Improvements pages.</summary>
internal sealed partial class ApiClient
{
    /// <summary>What the cases with the outcome (filters) have in common.</summary>
    public Task<RootCauseResult> GetRootCauseAsync(
        string workspace, IReadOnlyList<string> outcome, IReadOnlyList<string> by, bool pairs, IReadOnlyList<string>? filters = null,
        CancellationToken cancellationToken = default)
    {
        var parameters = new List<(string, string?)> { ("pairs", pairs ? "true" : "false"), ("top", RootCauseOptions.Default.Top.ToString(CultureInfo.InvariantCulture)) };
        parameters.AddRange(outcome.Select(o => ("outcome", (string?)o)));
        parameters.AddRange(by.Select(b => ("by", (string?)b)));
        return GetAsync<RootCauseResult>(Ws(workspace) + "/rootcause" + Query(filters, [.. parameters]), cancellationToken);
    }
}
