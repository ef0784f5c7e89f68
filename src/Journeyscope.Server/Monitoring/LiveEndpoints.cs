using Journeyscope.Monitoring;
using Journeyscope.Server.Api;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Journeyscope.Storage.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Monitoring;

/// <summary>Live deviations, rule firings and the rules' dry run (docs/monitoring.md).</summary>
internal static class LiveEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/live/deviations", Deviations).WithName("GetLiveDeviations").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Deviations of live customers, newest first, known the moment they happened: skipped, unexpected, time-target (kept across restarts, the latest 10,000 by default). journey: only one journey; limit: rows (default 100, at most 1000); offset: rows skipped first.");
        workspace.MapGet("/live/firings", Firings).WithName("GetRuleFirings").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Rule firings, newest first (each once per journey, rule, customer and occurrence; also sent as rule.fired webhooks). journey, limit.");
        workspace.MapGet("/journeys/{id}/rules/dry-run", DryRun).WithName("DryRunRules").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("How often each rule and time target of the journey would have fired on the stored history (the same result as journeyscope rules dry-run). until: ISO time to evaluate deadlines up to; " +
                "firings=true also lists every firing (rule, customer, occurrence) in firingList, a page of them: offset (default 0), limit (default 1000, at most 10000).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Ok<IReadOnlyList<LiveDeviation>> Deviations(string ws, string? journey, int? limit, int? offset, LiveMonitor monitor) =>
        TypedResults.Ok(monitor.Deviations(ws, LogQuery.Positive(limit, 100, 1000, "limit"), journey, LogQuery.Offset(offset)));

    private static Ok<IReadOnlyList<RuleFiring>> Firings(string ws, string? journey, int? limit, WorkspaceHost host) =>
        TypedResults.Ok(RuleFiringLog.List(host.Get(ws).Folder, LogQuery.Positive(limit, 100, 1000, "limit"), journey));

    private static async Task<Ok<RuleDryRunResult>> DryRun(
        string ws, string id, DateTimeOffset? until, string[]? filter, bool? firings, int? offset, int? limit, WorkspaceHost host, EventLogCache cache,
        CancellationToken cancellationToken)
    {
        var page = firings == true ? new RuleDryRunPage(LogQuery.Offset(offset), LogQuery.Positive(limit, 1000, RuleDryRunPage.MaxLimit, "limit")) : null;
        var journey = await JourneyEndpoints.ReadValidAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        var (log, _) = await LogQuery.LoadAsync(cache, ws, filter, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await Task.Run(() => RuleDryRun.Run(log, journey, until, page, cancellationToken), cancellationToken).ConfigureAwait(false));
    }
}
