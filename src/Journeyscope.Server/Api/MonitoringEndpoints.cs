using Journeyscope.Monitoring;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Monitoring;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Journeyscope.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// Monitoring (docs/monitoring.md): schedules of KPI snapshots, their status, the KPI series with expected ranges, a
/// run now, and the alert history. Reading is for viewers, configuring and running for analysts.
/// </summary>
internal static class MonitoringEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/monitoring", Status).WithName("GetMonitoringStatus").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Every schedule with its last completed period, next run and due periods, and the open alerts (those of each schedule's latest period); the result of journeyscope monitor status --format json.");
        workspace.MapGet("/monitoring/schedules", List).WithName("ListMonitoringSchedules").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The monitoring schedules of the workspace.");
        workspace.MapPut("/monitoring/schedules/{id}", Save).WithName("SaveMonitoringSchedule").RequireWorkspaceRole(WorkspaceRole.Analyst)
            .WithSummary("Creates or replaces a schedule: journey, cron (e.g. '0 6 * * *'), timeZone (default UTC), since (default now), segmentBy, rules [{kpi, kind: threshold|anomaly|sustainedShift, falseAlarmRate, seasonality, reference}] and recipients. Stored snapshots are kept.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapDelete("/monitoring/schedules/{id}", Delete).WithName("DeleteMonitoringSchedule").RequireWorkspaceRole(WorkspaceRole.Analyst)
            .WithSummary("Deletes a schedule with its snapshots and alerts.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspace.MapGet("/monitoring/schedules/{id}/series", Series).WithName("GetMonitoringSeries").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("One KPI over the schedule's stored periods (optionally one segment), each with its 95% interval, the expected range from the seasonal baseline and whether it alerted.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        workspace.MapPost("/monitoring/run", Run).WithName("RunMonitoring").RequireWorkspaceRole(WorkspaceRole.Analyst)
            .WithSummary("Takes the due snapshots now (all schedules, or ?schedule=ID), evaluates the alert rules and sends the digests; the result of journeyscope monitor run --format json.");
        workspace.MapGet("/alerts", Alerts).WithName("ListAlerts").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The alert history, newest period first: value, expected range, the segment that moved most and the filter of the period's cases. " +
                "?schedule=ID, ?limit=N (default 100, at most 1000), ?offset=N (alerts skipped first: page k of size N is offset=k*N). " +
                "Notified alerts older than Journeyscope:Monitoring:AlertRetentionDays (default 400) are deleted.");
    }

    private static Ok<MonitorStatus> Status(string ws, WorkspaceHost host, TimeProvider time) =>
        TypedResults.Ok(MonitorRunner.Status(host.Get(ws), time.GetUtcNow()));

    private static Ok<IReadOnlyList<MonitorSchedule>> List(string ws, WorkspaceHost host) => TypedResults.Ok(host.Get(ws).ListSchedules());

    private static Ok<MonitorSchedule> Save(string ws, string id, ScheduleRequest request, WorkspaceHost host, TimeProvider time)
    {
        var schedule = new MonitorSchedule(id, request.Journey ?? string.Empty, request.Cron ?? string.Empty,
            string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : request.TimeZone, request.Since ?? time.GetUtcNow(), request.SegmentBy,
            request.Rules ?? [], request.Recipients ?? []);
        var store = host.Get(ws);
        try
        {
            MonitorRunner.Check(store, schedule);
        }
        catch (MonitorScheduleException e)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid schedule", $"Schedule '{id}': {e.Message}.");
        }

        store.SaveSchedule(schedule);
        return TypedResults.Ok(schedule);
    }

    private static NoContent Delete(string ws, string id, WorkspaceHost host) =>
        host.Get(ws).DeleteSchedule(id) ? TypedResults.NoContent() : throw Unknown(ws, id, host);

    private static Ok<KpiSeries> Series(string ws, string id, string? kpi, string? segment, WorkspaceHost host)
    {
        var store = host.Get(ws);
        var schedule = store.ListSchedules().FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal)) ?? throw Unknown(ws, id, host);
        var snapshots = store.ReadSnapshots(id, MonitorRunner.HistoryLimit);
        var kpis = snapshots.SelectMany(s => s.Kpis).Select(k => k.Kpi).Distinct(StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(kpi) || (snapshots.Count > 0 && !kpis.Contains(kpi, StringComparer.Ordinal)))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown KPI",
                $"kpi must name a KPI of schedule '{id}': {string.Join(", ", kpis)}.{DidYouMean.Hint(kpi ?? "", kpis)}");
        }

        var rule = schedule.Rules.FirstOrDefault(r => r.Kind == AlertKind.Anomaly && string.Equals(r.Kpi, kpi, StringComparison.Ordinal));
        return TypedResults.Ok(KpiSeries.From(id, snapshots, kpi, string.IsNullOrWhiteSpace(segment) ? null : segment,
            store.ListAlerts(id, limit: 10_000), rule?.Options()));
    }

    private static async Task<Ok<MonitorRun>> Run(string ws, string? schedule, MonitorService monitor, CancellationToken cancellationToken) =>
        TypedResults.Ok(await monitor.RunAsync(ws, string.IsNullOrWhiteSpace(schedule) ? null : schedule, cancellationToken).ConfigureAwait(false));

    private static Ok<IReadOnlyList<KpiAlert>> Alerts(string ws, string? schedule, int? limit, int? offset, WorkspaceHost host) =>
        TypedResults.Ok(host.Get(ws).ListAlerts(
            string.IsNullOrWhiteSpace(schedule) ? null : schedule, limit: LogQuery.Positive(limit, 100, 1000, "limit"), offset: LogQuery.Offset(offset)));

    private static ApiProblemException Unknown(string ws, string id, WorkspaceHost host) =>
        new(StatusCodes.Status404NotFound, "Unknown schedule",
            $"Workspace '{ws}' has no monitoring schedule '{id}'.{DidYouMean.Hint(id, host.Get(ws).ListSchedules().Select(s => s.Id))}");
}
