using Journeyscope.Discovery;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;
using Journeyscope.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>Listing, creating and describing workspaces; the quarantine.</summary>
internal static class WorkspaceEndpoints
{
    public static void MapRoot(RouteGroupBuilder api)
    {
        api.MapGet("/workspaces", List).WithName("ListWorkspaces").WithSummary("The hosted workspaces.");
        api.MapPost("/workspaces", Create).WithName("CreateWorkspace").WithSummary("Creates an empty workspace.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static void MapScoped(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/", Get).WithName("GetWorkspace").WithSummary("Events, cases, activities, time range, version and sources of a workspace.");
        workspace.MapGet("/quarantine", Quarantine).WithName("GetQuarantine").WithSummary("The quarantined records, with counts by source and reason.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Ok<WorkspaceList> List(WorkspaceHost host)
    {
        var items = new List<WorkspaceListItem>();
        foreach (var name in host.List())
        {
            items.Add(new WorkspaceListItem(name, string.Equals(name, host.DefaultWorkspace, StringComparison.Ordinal)));
        }

        return TypedResults.Ok(new WorkspaceList(host.DefaultWorkspace, items));
    }

    private static Created<WorkspaceListItem> Create(CreateWorkspaceRequest request, WorkspaceHost host)
    {
        var name = request?.Name?.Trim();
        if (!WorkspaceHost.IsValidName(name))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid workspace name", WorkspaceHost.NameRule(name));
        }

        if (!host.Create(name!))
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "Workspace exists",
                $"A workspace named '{name}' already exists. Import into it with POST /api/v1/workspaces/{name}/imports, or choose another name.");
        }

        return TypedResults.Created($"/api/v1/workspaces/{name}", new WorkspaceListItem(name!, string.Equals(name, host.DefaultWorkspace, StringComparison.Ordinal)));
    }

    private static async Task<Ok<WorkspaceDetails>> Get(
        string ws, string? timeBasis, WorkspaceHost host, EventLogCache cache, AnalysisCache analyses, CancellationToken cancellationToken)
    {
        var workspace = host.Get(ws);
        var info = workspace.GetInfo();

        // The variant count depends on the order of each case's events, so it is counted on the log in the time basis
        // (as the summary, the variants endpoint and `journeyscope info --time-basis` do), not in SQL in UTC order.
        var cached = await LogQuery.LoadCachedAsync(cache, ws, null, timeBasis, cancellationToken).ConfigureAwait(false);
        var set = await analyses.GetOrAddAsync(cached.Key, "variant-set",
            () => VariantSet.Discover(cached.Log, cancellationToken: CancellationToken.None), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(WorkspaceDetails.From(ws, info, cached.Log.TimeBasis, set.Variants.Count, JourneyFiles.Ids(workspace.JourneysFolder)));
    }

    private static Ok<QuarantineResponse> Quarantine(string ws, int? limit, WorkspaceHost host)
    {
        var n = LogQuery.Positive(limit, 100, 10_000, "limit");
        var workspace = host.Get(ws);
        var info = workspace.GetInfo();
        return TypedResults.Ok(new QuarantineResponse(info.QuarantineCount, info.QuarantineBySource, info.TopQuarantineReasons, workspace.GetQuarantine(n)));
    }
}
