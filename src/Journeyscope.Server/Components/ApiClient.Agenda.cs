using System.Globalization;
using Journeyscope.Agenda;

namespace Journeyscope.Server.Components;

/// <summary>The improvement agenda calls of the UI's API client.</summary>
internal sealed partial class ApiClient
{
    /// <summary>The journey's improvement agenda, adjusted for the comma-separated case attributes <paramref name="by"/>.</summary>
    public Task<AgendaResult> GetAgendaAsync(string workspace, string journey, string? by, int top, CancellationToken cancellationToken = default) =>
        GetAsync<AgendaResult>(Ws(workspace) + "/agenda" + Query(null, ("journey", journey), ("by", by), ("top", top.ToString(CultureInfo.InvariantCulture))), cancellationToken);

    /// <summary>The address of an export of the agenda (<c>csv</c>, <c>md</c> or <c>tracker</c>) for a download link.</summary>
    public static string AgendaExportUrl(string workspace, string journey, string? by, int top, string format) =>
        "/" + Ws(workspace) + "/agenda" + Query(null, ("journey", journey), ("by", by), ("top", top.ToString(CultureInfo.InvariantCulture)), ("format", format));

    /// <summary>The address of the case ids of one opportunity (the drill-down into its customers).</summary>
    public static string AgendaCasesUrl(string workspace, string journey, string? by, string opportunity) =>
        "/" + Ws(workspace) + "/agenda/opportunities/" + Uri.EscapeDataString(opportunity) + "/cases" + Query(null, ("journey", journey), ("by", by));
}
