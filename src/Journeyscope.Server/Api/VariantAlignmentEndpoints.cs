using Journeyscope.Conformance;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>One variant compared with a journey's designed flow: its optimal alignment as a strip of moves.</summary>
internal static class VariantAlignmentEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/journeys/{id}/variants/{rank:int}/alignment", Align).WithName("AlignVariantWithJourney")
            .WithSummary("Aligns one variant (rank as in /variants) with the journey's designed flow: synchronous, inserted and skipped steps, and the fitness.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<VariantAlignmentResponse>> Align(
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

    /// <summary>Aligns the cases of variant <paramref name="rank"/> and describes the alignment of their most frequent touchpoint sequence.</summary>
    internal static VariantAlignmentResponse Compare(EventLog log, DesignedJourney journey, int rank, CancellationToken cancellationToken)
    {
        var set = VariantSet.Discover(log, cancellationToken: cancellationToken);
        if (rank > set.Variants.Count)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown variant",
                set.Variants.Count == 0
                    ? $"Variant {rank} does not exist: the filtered log has no cases."
                    : $"Variant {rank} does not exist: the filtered log has {set.Variants.Count} variant(s), ranked 1 to {set.Variants.Count}.");
        }

        var variant = set.Variants[rank - 1];
        var cases = CasesOf(log, variant.ActivityCodes);
        JourneyCheck check;
        try
        {
            check = JourneyConformance.Check(log.SelectCases(cases), journey, JourneyConformanceOptions.Default, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Flow cannot be aligned",
                $"Journey '{journey.Id}': {e.Message}");
        }

        // Every case of the variant has the same activities, but rules with conditions can map them to different
        // touchpoint sequences: show the alignment most of them share (the alignments come most frequent first).
        var aligned = check.Alignments.Variants[0];
        var mapped = check.Mapped;
        var firstEvent = mapped.Log.CaseStarts[aligned.Cases[0]];
        var moves = new List<AlignmentMoveItem>(aligned.Alignment.Moves.Count);
        int synchronous = 0, inserted = 0, skipped = 0;
        foreach (var move in aligned.Alignment.Moves)
        {
            switch (move.Kind)
            {
                case MoveKind.Synchronous or MoveKind.LogMove:
                    var touchpoint = mapped.EventTouchpoint[firstEvent + move.TracePosition] is var t and >= 0 ? journey.Touchpoints[t] : null;
                    var activity = variant.Activities[move.TracePosition];
                    var synchronousMove = move.Kind == MoveKind.Synchronous;
                    synchronous += synchronousMove ? 1 : 0;
                    inserted += synchronousMove ? 0 : 1;
                    moves.Add(new AlignmentMoveItem(
                        synchronousMove ? "synchronous" : "inserted", touchpoint?.Name ?? activity, activity, touchpoint?.Id, touchpoint?.Stage, move.TracePosition));
                    break;
                case MoveKind.ModelMove:
                    var designed = move.Label is null ? null : journey.FindTouchpoint(move.Label);
                    skipped++;
                    moves.Add(new AlignmentMoveItem("skipped", designed?.Name ?? move.Label ?? "", null, designed?.Id ?? move.Label, designed?.Stage, move.TracePosition));
                    break;
                default:
                    break;
            }
        }

        var alignment = aligned.Alignment;
        return new VariantAlignmentResponse(
            journey.Id, journey.Name, LogQuery.Name(log.TimeBasis), rank, variant.CaseCount, variant.Share, variant.Activities,
            check.Alignments.Variants.Count, aligned.Cases.Count, alignment.Fitness, alignment.Cost, alignment.IsFitting,
            synchronous, inserted, skipped, moves);
    }

    /// <summary>The ascending indices of the cases whose activity sequence is exactly <paramref name="codes"/>.</summary>
    private static int[] CasesOf(EventLog log, IReadOnlyList<int> codes)
    {
        var sequence = new int[codes.Count];
        for (var i = 0; i < sequence.Length; i++)
        {
            sequence[i] = codes[i];
        }

        var cases = new List<int>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (log.CaseActivities(c).SequenceEqual(sequence))
            {
                cases.Add(c);
            }
        }

        return [.. cases];
    }
}
