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
            .WithSummary("Deviations of live customers, newest first, known the moment they happened: skipped, unexpected, time-target. journey: only one journey; limit: rows (default 100).");
        workspace.MapGet("/live/firings", Firings).WithName("GetRuleFirings").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Rule firings, newest first (each once per journey, rule, customer and occurrence; also sent as rule.fired webhooks). journey, limit.");
        workspace.MapGet("/journeys/{id}/rules/dry-run", DryRun).WithName("DryRunRules").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("How often each rule and time target of the journey would have fired on the stored history (the same result as journeyscope rules dry-run). until: ISO time to evaluate deadlines up to.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Ok<IReadOnlyList<LiveDeviation>> Deviations(string ws, string? journey, int? limit, LiveMonitor monitor) =>
        TypedResults.Ok(monitor.Deviations(ws, LogQuery.Positive(limit, 100, 1000, "limit"), journey));

    private static Ok<IReadOnlyList<RuleFiring>> Firings(string ws, string? journey, int? limit, WorkspaceHost host) =>
        TypedResults.Ok(RuleFiringLog.List(host.Get(ws).Folder, LogQuery.Positive(limit, 100, 1000, "limit"), journey));

    private static async Task<Ok<RuleDryRunResult>> DryRun(
        string ws, string id, DateTimeOffset? until, string[]? filter, WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var journey = await JourneyEndpoints.ReadValidAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        var (log, _) = await LogQuery.LoadAsync(cache, ws, filter, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await Task.Run(() => RuleDryRun.Run(log, journey, until, cancellationToken), cancellationToken).ConfigureAwait(false));
    }
}
