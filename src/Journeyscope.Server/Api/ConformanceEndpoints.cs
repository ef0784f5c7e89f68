using System.Security.Cryptography;
using Journeyscope.Conformance;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>Conformance of the workspace's cases to a designed journey: alignments and the deviation report.</summary>
internal static class ConformanceEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/journeys/{id}/conformance", Check).WithName("CheckJourneyConformance").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Aligns every case with the journey's designed flow: conformance rate, fitness, deviations per touchpoint and stage, patterns, undesigned transitions.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<JourneyConformanceResult>> Check(
        string ws, string id, int? top, string[]? filter, string? timeBasis, WorkspaceHost host, EventLogCache cache, AnalysisCache analyses,
        CancellationToken cancellationToken)
    {
        var patterns = LogQuery.Positive(top, JourneyConformanceResult.DefaultTop, 100, "top");
        var before = await ContentHashAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        var journey = await JourneyEndpoints.ReadValidAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        var after = await ContentHashAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        if (journey.Flow is null)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Journey without a flow",
                $"Journey '{id}' has no designed flow, so there is nothing to align the cases with. Add a 'flow:' section (docs/journeys.md).");
        }

        // Cached per journey file content, so an edited journey is checked again; a file changing while it was read is not cached.
        var options = JourneyConformanceResult.Options(patterns);
        var cached = await LogQuery.LoadCachedAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        var check = before is not null && before == after
            ? await analyses.GetOrAddAsync(cached.Key, $"conformance:{before}:{patterns}",
                () => JourneyConformance.Check(cached.Log, journey, options, CancellationToken.None), cancellationToken).ConfigureAwait(false)
            : await Task.Run(() => JourneyConformance.Check(cached.Log, journey, options, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        return TypedResults.Ok(JourneyConformanceResult.From(check, cached.Version));
    }

    /// <summary>SHA-256 of the journey file's bytes (hex), or null when it cannot be read.</summary>
    private static async Task<string?> ContentHashAsync(WorkspaceHost host, string ws, string id, CancellationToken cancellationToken)
    {
        if (!WorkspaceHost.IsValidName(id))
        {
            return null;
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(JourneyFiles.PathOf(host.Get(ws).JourneysFolder, id), cancellationToken)
                .ConfigureAwait(false);
            return Convert.ToHexString(SHA256.HashData(bytes));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
