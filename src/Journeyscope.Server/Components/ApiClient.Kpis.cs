using Journeyscope.Kpis;
using Journeyscope.Voc;

namespace Journeyscope.Server.Components;

/// <summary>The KPI and voice-of-the-customer calls of the UI's API client.</summary>
internal sealed partial class ApiClient
{
    /// <summary>The journey's KPIs with their trend per <paramref name="period"/> and, when <paramref name="by"/> is given, per segment.</summary>
    public Task<JourneyKpis> GetKpisAsync(
        string workspace, string journey, string period = "month", string? by = null, IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default) =>
        GetAsync<JourneyKpis>(Ws(workspace) + "/journeys/" + Uri.EscapeDataString(journey) + "/kpis" + Query(filters, ("period", period), ("by", by)), cancellationToken);

    /// <summary>The journey's KPI tree with the measured associations.</summary>
    public Task<JourneyKpiTree> GetKpiTreeAsync(string workspace, string journey, IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default) =>
        GetAsync<JourneyKpiTree>(Ws(workspace) + "/journeys/" + Uri.EscapeDataString(journey) + "/kpis/tree" + Query(filters), cancellationToken);

    /// <summary>Surveys, sentiment, example comments and moments that matter; the journey's touchpoints become moments when given.</summary>
    /// <remarks>The attributes holding survey answers and comments are the server's defaults (score, comment) when null.</remarks>
    public Task<VocResult> GetVocAsync(
        string workspace, string? journey = null, IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default,
        string? scoreAttribute = null, string? commentAttribute = null) =>
        GetAsync<VocResult>(Ws(workspace) + "/voc" + Query(filters, ("journey", journey), ("scoreAttribute", scoreAttribute), ("commentAttribute", commentAttribute)),
            cancellationToken);
}
