using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>One variant compared with a journey's designed flow: its optimal alignment as a strip of moves.</summary>
internal static class VariantAlignmentEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/journeys/{id}/variants/{rank:int}/alignment", Align).WithName("AlignVariantWithJourney").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Aligns one variant (rank as in /variants) with the journey's designed flow: synchronous, inserted and skipped steps, and the fitness.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<VariantFlowComparison>> Align(
        string ws, string id, int rank, string[]? filter, string? timeBasis, WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        if (rank < 1)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid variant rank",
                $"The variant rank starts at 1 (the most frequent variant), got {rank}.");
        }

        var journey = await JourneyEndpoints.ReadValidAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        if (journey.Flow is null)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Journey without a flow",
                $"Journey '{id}' has no designed flow, so there is nothing to compare the variant with. Add a 'flow:' section (docs/journeys.md).");
        }

        var (log, _) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await Task.Run(() => Compare(log, journey, rank, cancellationToken), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The Core comparison, with its refusals as problems: an unknown rank is a 404, a flow that cannot be aligned a 422.</summary>
    internal static VariantFlowComparison Compare(EventLog log, DesignedJourney journey, int rank, CancellationToken cancellationToken)
    {
        try
        {
            return VariantFlowComparison.Compare(log, journey, rank, cancellationToken);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown variant", e.Message.Split(" (Parameter")[0]);
        }
        catch (InvalidOperationException e)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Flow cannot be aligned", $"Journey '{journey.Id}': {e.Message}");
        }
    }
}
