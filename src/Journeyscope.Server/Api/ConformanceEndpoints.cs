using System.Security.Cryptography;
using Journeyscope.Conformance;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>Conformance of the workspace's cases to a designed journey: alignments and the deviation report.</summary>
internal static class ConformanceEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/journeys/{id}/conformance", Check).WithName("CheckJourneyConformance")
            .WithSummary("Aligns every case with the journey's designed flow: conformance rate, fitness, deviations per touchpoint and stage, patterns, undesigned transitions.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<JourneyConformanceResponse>> Check(
        string ws, string id, int? top, string[]? filter, string? timeBasis, WorkspaceHost host, EventLogCache cache, AnalysisCache analyses,
        CancellationToken cancellationToken)
    {
        var before = await ContentHashAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        var journey = await JourneyEndpoints.ReadValidAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        var after = await ContentHashAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        if (journey.Flow is null)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Journey without a flow",
                $"Journey '{id}' has no designed flow, so there is nothing to align the cases with. Add a 'flow:' section (docs/journeys.md).");
        }

        // Cached per journey file content, so an edited journey is checked again; a file changing while it was read is not cached.
        var cached = await LogQuery.LoadCachedAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        var check = before is not null && before == after
            ? await analyses.GetOrAddAsync(cached.Key, "conformance:" + before,
                () => JourneyConformance.Check(cached.Log, journey, JourneyConformanceOptions.Default, CancellationToken.None), cancellationToken).ConfigureAwait(false)
            : await Task.Run(() => JourneyConformance.Check(cached.Log, journey, JourneyConformanceOptions.Default, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        var report = check.Report;
        var all = Math.Max(report.CaseCount, 1);
        var touchpoints = report.Touchpoints.Select(t =>
        {
            var rate = (double)(t.Skipped + t.Inserted + t.OutOfOrder) / all;
            var status = rate < 0.05 ? "ok" : rate < 0.20 ? "warning" : "bad";
            return new TouchpointConformance(t.TouchpointId, t.Name, t.StageId, t.Cases, t.Skipped, t.Inserted, t.OutOfOrder, t.Repeated, rate, status);
        }).ToList();
        var patterns = report.Patterns.Take(Math.Clamp(top ?? 10, 1, 100))
            .Select(p => new DeviationPatternItem(p.ToString(), p.Cases, p.Share, p.ExampleCaseIds)).ToList();
        return TypedResults.Ok(new JourneyConformanceResponse(
            report.JourneyId, report.CaseCount, report.FittingCases, report.ConformanceRate, report.MeanFitness, check.Alignments.LogFitness,
            touchpoints, report.Stages, patterns, report.Transitions?.Undesigned ?? [], report.Transitions?.NeverTaken ?? [], report.Warnings));
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
            var bytes = await File.ReadAllBytesAsync(Path.Combine(host.Get(ws).JourneysFolder, id + JourneyFiles.Extension), cancellationToken)
                .ConfigureAwait(false);
            return Convert.ToHexString(SHA256.HashData(bytes));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
