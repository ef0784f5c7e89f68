using System.Globalization;
using Journeyscope.Funnels;
using Journeyscope.Segments;
using Journeyscope.Storage;
using Journeyscope.Server.Components.Api;

namespace Journeyscope.Server.Components;

/// <summary>The funnels, paths and retention endpoints, for the Funnels, Paths and Retention pages.</summary>
internal sealed partial class ApiClient
{
    /// <summary>Computes a funnel; with <see cref="FunnelRequestModel.DropOffs"/>, also a page of drop-off cases.</summary>
    public async Task<FunnelReport> ComputeFunnelAsync(string workspace, FunnelRequestModel funnel, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(new Uri(Ws(workspace) + "/funnels", UriKind.Relative), funnel, Json, cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync<FunnelReport>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The paths after (<c>next</c>) or before (<c>previous</c>) an anchor activity.</summary>
    public Task<PathsResult> GetPathsAsync(
        string workspace, string anchor, string direction, int depth, int top, IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default) =>
        GetAsync<PathsResult>(
            Ws(workspace) + "/paths" + Query(
                filters,
                (direction == "previous" ? "to" : "from", anchor),
                ("direction", direction),
                ("depth", depth.ToString(CultureInfo.InvariantCulture)),
                ("top", top.ToString(CultureInfo.InvariantCulture))),
            cancellationToken);

    /// <summary>The retention table: <paramref name="cohort"/> is day, week, month or attribute:NAME; churn rules as the API takes them.</summary>
    public Task<RetentionTable> GetRetentionAsync(
        string workspace, string cohort, int periods, string? returnActivity, IReadOnlyList<string> churn, string? period = null,
        IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default)
    {
        var parameters = new List<(string, string?)>
        {
            ("cohort", cohort), ("period", period), ("periods", periods.ToString(CultureInfo.InvariantCulture)), ("return", returnActivity),
        };
        foreach (var rule in churn)
        {
            parameters.Add(("churn", rule));
        }

        return GetAsync<RetentionTable>(Ws(workspace) + "/retention" + Query(filters, [.. parameters]), cancellationToken);
    }

    /// <summary>The workspace's case and event attributes (for the breakdown and cohort pickers).</summary>
    public async Task<IReadOnlyList<AttributeInfo>> GetAttributesAsync(string workspace, CancellationToken cancellationToken = default) =>
        (await GetWorkspaceAsync(workspace, cancellationToken).ConfigureAwait(false)).Attributes;
}
