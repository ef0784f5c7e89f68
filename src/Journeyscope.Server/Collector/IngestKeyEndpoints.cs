using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Journeyscope.Storage.Collector;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Collector;

/// <summary>Ingest keys of a workspace: create one (shown once) and list them (never the keys themselves).</summary>
internal static class IngestKeyEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapPost("/keys", Create).WithName("CreateIngestKey").RequireWorkspaceRole(WorkspaceRole.Analyst)
            .WithSummary("Creates an ingest key (write-only, for the collector's Segment and PostHog endpoints); the response is the only time the key is shown.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/keys", List).WithName("ListIngestKeys").RequireWorkspaceRole(WorkspaceRole.Analyst)
            .WithSummary("Lists the workspace's keys: their first characters, kind, name and creation time (never the keys).");
    }

    private static Results<Created<CreatedIngestKey>, ProblemHttpResult> Create(string ws, CreateIngestKeyRequest? request, WorkspaceHost host, TimeProvider time)
    {
        if (request?.Kind is { } kind && !string.Equals(kind, "ingest", StringComparison.Ordinal))
        {
            return TypedResults.Problem(
                title: "Unknown key kind", detail: $"'{kind}' is not a key kind this server creates: use \"ingest\".", statusCode: StatusCodes.Status400BadRequest);
        }

        var store = host.Get(ws);
        var folder = store.Folder;
        var key = IngestKeys.Create(folder, request?.Name, time);

        // Batches are expected now: load the message-id filter in the background (a no-op when loaded or loading). The load is
        // marked before the answer, so a batch sent with the new key waits for it rather than scanning on its own.
        _ = store.PreloadDedupFilters(includeEventIds: false);
        var info = IngestKeys.List(folder).Single(k => string.Equals(k.Hash, IngestKeys.Hash(key), StringComparison.Ordinal));
        return TypedResults.Created($"/api/v1/workspaces/{ws}/keys", new CreatedIngestKey(key, info.Display, info.Kind, info.Name, info.CreatedAt));
    }

    private static Ok<IReadOnlyList<IngestKeyInfo>> List(string ws, WorkspaceHost host) =>
        TypedResults.Ok(IngestKeys.List(host.Get(ws).Folder));
}

/// <summary>The body of <c>POST /api/v1/workspaces/{ws}/keys</c>.</summary>
/// <param name="Kind">The kind of key; only <c>ingest</c> (the default) exists yet.</param>
/// <param name="Name">A label for people (where the key is used), optional.</param>
public sealed record CreateIngestKeyRequest(string? Kind, string? Name);

/// <summary>A key just created: the only time the key itself is shown.</summary>
/// <param name="Key">The key, to configure as the SDK's write key or project key.</param>
/// <param name="Display">Its first characters, as listings show it.</param>
/// <param name="Kind">The kind of key.</param>
/// <param name="Name">Its label, or null.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
public sealed record CreatedIngestKey(string Key, string Display, string Kind, string? Name, DateTimeOffset CreatedAt);
