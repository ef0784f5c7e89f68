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

    /// <summary>The improvements recorded in the workspace.</summary>
    public Task<IReadOnlyList<Improvement>> GetImprovementsAsync(string workspace, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Improvement>>(Ws(workspace) + "/improvements", cancellationToken);

    /// <summary>Records an improvement (<c>POST …/improvements</c>); the API assigns its id.</summary>
    public async Task<Improvement> AddImprovementAsync(string workspace, Server.Api.ImprovementRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(new Uri(Ws(workspace) + "/improvements", UriKind.Relative), request, Json, cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync<Improvement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether improvement <paramref name="id"/> worked.</summary>
    public Task<ImprovementReport> GetImprovementReportAsync(string workspace, string id, CancellationToken cancellationToken = default) =>
        GetAsync<ImprovementReport>(Ws(workspace) + "/improvements/" + Uri.EscapeDataString(id) + "/report", cancellationToken);
}
