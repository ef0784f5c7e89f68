using Journeyscope.Discovery;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Journeyscope.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>Listing, creating, renaming, deleting and describing workspaces; the quarantine.</summary>
internal static class WorkspaceEndpoints
{
    public static void MapRoot(RouteGroupBuilder api)
    {
        api.MapGet("/workspaces", List).WithName("ListWorkspaces").RequireSignedIn().WithSummary("The hosted workspaces.");
        api.MapPost("/workspaces", Create).WithName("CreateWorkspace").RequireServerOwner().WithSummary("Creates an empty workspace.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static void MapScoped(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/", Get).WithName("GetWorkspace").RequireWorkspaceRole(WorkspaceRole.Viewer).WithSummary("Events, cases, activities, time range, version and sources of a workspace.");
        workspace.MapPatch("/", Rename).WithName("RenameWorkspace").RequireWorkspaceRole(WorkspaceRole.Admin)
            .WithSummary("Renames a workspace (body: {\"name\": \"new-name\"}). The default workspace cannot be renamed.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        workspace.MapDelete("/", Delete).WithName("DeleteWorkspace").RequireWorkspaceRole(WorkspaceRole.Admin)
            .WithSummary("Deletes a workspace with its events and journeys; cannot be undone. The default workspace cannot be deleted.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        workspace.MapGet("/quarantine", Quarantine).WithName("GetQuarantine").RequireWorkspaceRole(WorkspaceRole.Viewer).WithSummary("The quarantined records, with counts by source and reason.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    // Only the workspaces the caller has a role in (all of them for the owner).
    private static async Task<Ok<WorkspaceList>> List(WorkspaceHost host, HttpContext http, CallerAccess access)
    {
        var items = new List<WorkspaceListItem>();
        foreach (var name in await access.ReadableAsync(http.User, host.List(), http.RequestAborted).ConfigureAwait(false))
        {
            long? events = null, cases = null;
            try
            {
                (events, cases) = host.Get(name).GetCounts();
            }
            catch (Exception e) when (e is WorkspaceException or ObjectDisposedException)
            {
                // Locked by another process, damaged, or being renamed or deleted: listed without counts.
            }

            items.Add(new WorkspaceListItem(name, IsDefault(host, name), events, cases));
        }

        return TypedResults.Ok(new WorkspaceList(host.DefaultWorkspace, items));
    }

    private static async Task<Ok<WorkspaceListItem>> Rename(
        string ws, RenameWorkspaceRequest request, WorkspaceHost host, SecurityDb db, AuditLog audit, HttpContext http)
    {
        var name = request?.Name?.Trim();
        if (!WorkspaceHost.IsValidName(name))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid workspace name", WorkspaceHost.NameRule(name));
        }

        switch (host.Rename(ws, name!))
        {
            case WorkspaceChange.NotFound:
                throw Unknown(ws);
            case WorkspaceChange.NameTaken:
                throw new ApiProblemException(StatusCodes.Status409Conflict, "Workspace exists",
                    $"A workspace named '{name}' already exists. Choose another name, or delete that workspace first.");
            case WorkspaceChange.IsDefault:
                throw DefaultKept(host, "renamed");
        }

        await WorkspaceGrants.RenameAsync(db, ws, name!, http.RequestAborted).ConfigureAwait(false);
        await audit.WriteAsync(http, "workspace-renamed", name, ws, name).ConfigureAwait(false);
        var (events, cases) = host.Get(name!).GetCounts();
        return TypedResults.Ok(new WorkspaceListItem(name!, false, events, cases));
    }

    private static async Task<NoContent> Delete(string ws, WorkspaceHost host, SecurityDb db, AuditLog audit, HttpContext http, TimeProvider time)
    {
        switch (host.Delete(ws))
        {
            case WorkspaceChange.NotFound:
                throw Unknown(ws);
            case WorkspaceChange.IsDefault:
                throw DefaultKept(host, "deleted");
        }

        await WorkspaceGrants.ForgetAsync(db, ws, time.GetUtcNow().UtcDateTime, http.RequestAborted).ConfigureAwait(false);
        await audit.WriteAsync(http, "workspace-deleted", ws, ws).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static bool IsDefault(WorkspaceHost host, string name) => string.Equals(name, host.DefaultWorkspace, StringComparison.Ordinal);

    // The access filter answers 404 before the handler runs; this covers a workspace removed by a concurrent request.
    private static ApiProblemException Unknown(string ws) => new(StatusCodes.Status404NotFound, "Unknown workspace",
        $"There is no workspace named '{ws}'. List the workspaces with GET /api/v1/workspaces.");

    private static ApiProblemException DefaultKept(WorkspaceHost host, string verb) => new(StatusCodes.Status409Conflict, "Default workspace",
        $"'{host.DefaultWorkspace}' is the default workspace, which the web app opens first, and cannot be {verb}. " +
        "Set Journeyscope:DefaultWorkspace to another workspace (and restart) to change that.");

    private static async Task<Created<WorkspaceListItem>> Create(CreateWorkspaceRequest request, WorkspaceHost host, AuditLog audit, HttpContext http)
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

        await audit.WriteAsync(http, "workspace-created", name, name).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/workspaces/{name}", new WorkspaceListItem(name!, IsDefault(host, name!), 0, 0));
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
