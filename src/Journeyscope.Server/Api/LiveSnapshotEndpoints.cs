using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>The live analyses of a workspace, grown in place per partition as events arrive.</summary>
internal static class LiveSnapshotEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/live", Live).WithName("GetLiveSnapshot").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("KPIs, process map, variants and case durations of the whole log (UTC, no filters), kept per partition of the " +
                "log and refreshed in place after each commit: only partitions holding changed cases are re-read and re-analysed.");
    }

    private static async Task<Ok<LiveSnapshot>> Live(string ws, LiveLogCache live, CancellationToken cancellationToken) =>
        TypedResults.Ok(await live.GetAsync(ws, cancellationToken).ConfigureAwait(false));
}
