using Journeyscope.Monitoring;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>Process drift of the filtered log: the same result as <c>journeyscope drift --format json</c>.</summary>
internal static class DriftEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/drift", Drift).WithName("GetDrift").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Process drift: change points (time, first case, case index with cases ordered by their first event) and what changed in plain words. " +
                "window: cases on each side (default adaptive from 200); alpha: false-alarm rate per window scale (default 0.01).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Ok<DriftResult>> Drift(
        string ws, int? window, double? alpha, int? persistence, string[]? filter, string? timeBasis, EventLogCache cache,
        CancellationToken cancellationToken)
    {
        var options = new DriftOptions
        {
            Window = window,
            Alpha = alpha ?? DriftOptions.Default.Alpha,
            Persistence = persistence ?? DriftOptions.Default.Persistence,
        };
        if (options.Problem() is { } problem)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid drift parameter", problem);
        }

        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(DriftDetector.Detect(log, version, options, cancellationToken));
    }
}
