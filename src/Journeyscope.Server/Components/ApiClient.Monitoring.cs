using Journeyscope.Monitoring;

namespace Journeyscope.Server.Components;

internal sealed partial class ApiClient
{
    /// <summary>The monitoring schedules with their last and next runs, and the open alerts (<c>GET …/monitoring</c>).</summary>
    public Task<MonitorStatus> GetMonitoringAsync(string workspace, CancellationToken cancellationToken = default) =>
        GetAsync<MonitorStatus>(Ws(workspace) + "/monitoring", cancellationToken);

    /// <summary>One KPI of a schedule over its stored periods, with expected ranges (<c>GET …/monitoring/schedules/{id}/series</c>).</summary>
    public Task<KpiSeries> GetMonitoringSeriesAsync(string workspace, string schedule, string kpi, CancellationToken cancellationToken = default) =>
        GetAsync<KpiSeries>(Ws(workspace) + "/monitoring/schedules/" + Uri.EscapeDataString(schedule) + "/series" + Query(null, ("kpi", kpi)), cancellationToken);

    /// <summary>The alert history, newest period first (<c>GET …/alerts</c>).</summary>
    public Task<List<KpiAlert>> GetAlertsAsync(string workspace, int limit = 200, CancellationToken cancellationToken = default) =>
        GetAsync<List<KpiAlert>>(Ws(workspace) + "/alerts" + Query(null, ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))), cancellationToken);
}
