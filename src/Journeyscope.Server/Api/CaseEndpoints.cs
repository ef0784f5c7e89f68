using Journeyscope.Cases;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>Drill-down: the cases through a node, an edge or a variant, and one case's events.</summary>
internal static class CaseEndpoints
{
    private const int MaxPageSize = 1000;

    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/cases", List).WithName("ListCases").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Cases in log order, optionally those with an activity, a directly-follows edge (from, to) or a variant rank; paged. "
                + "With the map's sliders (activities, paths), the cases of the node or edge as the process map draws it.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/cases/{caseId}", Get).WithName("GetCase").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("One case: its attributes and its events in order with every attribute.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<CasesPage>> List(
        string ws, string? activity, string? from, string? to, int? variant, int? page, int? pageSize, double? activities, double? paths,
        string[]? filter, string? timeBasis, EventLogCache cache, AnalysisCache analyses, CancellationToken cancellationToken)
    {
        var pageNumber = LogQuery.Positive(page, 1, int.MaxValue, "page");
        var size = LogQuery.Positive(pageSize, CasesPage.DefaultPageSize, MaxPageSize, "pageSize");
        if ((from is null) != (to is null))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Incomplete edge",
                "Give both 'from' and 'to' to list the cases through a directly-follows edge (for example ?from=A&to=B).");
        }

        var cached = await LogQuery.LoadCachedAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        var view = await ViewAsync(cached, analyses, activity, from, to, activities, paths, cancellationToken).ConfigureAwait(false);
        try
        {
            return TypedResults.Ok(CasesPage.List(cached.Log, activity, from, to, variant, pageNumber, size, view, cancellationToken));
        }
        catch (ArgumentException e)
        {
            // The only rule left to Core to refuse here: a variant rank the filtered log does not have.
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown variant", e.Message);
        }
    }

    private static async Task<Ok<CaseDetails>> Get(string ws, string caseId, string? timeBasis, EventLogCache cache, CancellationToken cancellationToken)
    {
        var (log, _) = await LogQuery.LoadAsync(cache, ws, null, timeBasis, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CaseDetails.Find(log, caseId) ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown case",
            $"Workspace '{ws}' has no case '{caseId}'. Case ids are case-sensitive; list cases with GET /api/v1/workspaces/{ws}/cases."));
    }

    /// <summary>
    /// With a slider given, what the map at those sliders shows (<see cref="CaseMapView"/>); without sliders, null: the
    /// log's own directly-follows pairs.
    /// </summary>
    private static async Task<CaseMapView?> ViewAsync(
        CachedLog cached, AnalysisCache analyses, string? activity, string? from, string? to, double? activities, double? paths,
        CancellationToken cancellationToken)
    {
        if (activities is null && paths is null)
        {
            return null;
        }

        var map = await ProcessMapJson.MapAsync(
            cached, analyses, LogQuery.Share(activities, "activities"), LogQuery.Share(paths, "paths"), cancellationToken).ConfigureAwait(false);
        var onMap = (activity is null || map.FindActivity(activity) is not null)
            && (from is null || to is null || map.FindEdge(from, to) is not null);
        return new CaseMapView(map.Statistics.KeptActivities.ToArray(), onMap);
    }
}
