using Journeyscope.Conformance;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// Conformance of the workspace's cases to a designed journey: alignments and the deviation report. A followed
/// workspace's whole log is checked from partials (<see cref="LiveAnswers.Conformance"/>), the rest through
/// <see cref="EventLogCache"/> and <see cref="AnalysisCache"/>.
/// </summary>
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
        LiveLogCache live, CancellationToken cancellationToken)
    {
        var patterns = LogQuery.Positive(top, JourneyConformanceResult.DefaultTop, 100, "top");
        var (journey, version) = await JourneyEndpoints.ReadValidWithVersionAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        if (journey.Flow is null)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Journey without a flow",
                $"Journey '{id}' has no designed flow, so there is nothing to align the cases with. Add a 'flow:' section (docs/journeys.md).");
        }

        // A followed workspace's whole log: each distinct touchpoint sequence aligned once, only the changed partitions merged again.
        if (await LiveAnswers.AnswerAsync(live, ws, filter, timeBasis, _ => LiveAnswers.Conformance(journey, version, patterns, cancellationToken), cancellationToken)
            .ConfigureAwait(false) is { } answered)
        {
            return TypedResults.Ok(answered);
        }

        // Cached per version of the journey's text (the hash of the bytes read), so an edited journey is checked again.
        var options = JourneyConformanceResult.Options(patterns);
        var cached = await LogQuery.LoadCachedAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        var check = await analyses.GetOrAddAsync(cached.Key, $"conformance:{version}:{patterns}",
            () => JourneyConformance.Check(cached.Log, journey, options, CancellationToken.None), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(JourneyConformanceResult.From(check, cached.Version));
    }
}
