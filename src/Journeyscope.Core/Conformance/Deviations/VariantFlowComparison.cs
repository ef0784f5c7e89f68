using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Conformance;

/// <summary>
/// One variant compared with a journey's designed flow: the one result of <c>GET …/journeys/{id}/variants/{rank}/alignment</c>
/// and the variants page's alignment strip.
/// </summary>
/// <param name="JourneyId">The journey id.</param>
/// <param name="JourneyName">The journey's name.</param>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Rank">The variant's rank (1 = most frequent), as in the variants result.</param>
/// <param name="Cases">Cases of the variant.</param>
/// <param name="Share">Cases / all cases.</param>
/// <param name="Activities">The variant's activities.</param>
/// <param name="TouchpointSequences">How many touchpoint sequences the variant's cases map to (rules with conditions).</param>
/// <param name="AlignedCases">Cases of the touchpoint sequence shown.</param>
/// <param name="Fitness">The alignment's fitness.</param>
/// <param name="Cost">The alignment's cost.</param>
/// <param name="Fits">Whether the variant follows the designed flow exactly.</param>
/// <param name="Synchronous">Moves as designed.</param>
/// <param name="Inserted">Steps the design does not allow there.</param>
/// <param name="Skipped">Designed steps not done.</param>
/// <param name="Moves">The alignment's moves (silent moves left out).</param>
public sealed record VariantFlowComparison(
    string JourneyId,
    string JourneyName,
    TimeBasis TimeBasis,
    int Rank,
    long Cases,
    double Share,
    IReadOnlyList<string> Activities,
    int TouchpointSequences,
    int AlignedCases,
    double Fitness,
    int Cost,
    bool Fits,
    int Synchronous,
    int Inserted,
    int Skipped,
    IReadOnlyList<AlignmentMoveFigure> Moves)
{
    /// <summary>Aligns the cases of variant <paramref name="rank"/> and describes the alignment of their most frequent touchpoint sequence.</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no variant <paramref name="rank"/>; the message says how many there are.</exception>
    /// <exception cref="InvalidOperationException">The journey has no flow, or its flow cannot be aligned.</exception>
    public static VariantFlowComparison Compare(EventLog log, DesignedJourney journey, int rank, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        var set = VariantSet.Discover(log, cancellationToken: cancellationToken);
        if (rank < 1 || rank > set.Variants.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, set.Variants.Count == 0
                ? $"Variant {rank} does not exist: the filtered log has no cases."
                : $"Variant {rank} does not exist: the filtered log has {set.Variants.Count} variant(s), ranked 1 to {set.Variants.Count}.");
        }

        var variant = set.Variants[rank - 1];
        var check = JourneyConformance.Check(log.SelectCases(CasesOf(log, variant.ActivityCodes)), journey, JourneyConformanceOptions.Default, cancellationToken);

        // Every case of the variant has the same activities, but rules with conditions can map them to different
        // touchpoint sequences: show the alignment most of them share (the alignments come most frequent first).
        var aligned = check.Alignments.Variants[0];
        var mapped = check.Mapped;
        var firstEvent = mapped.Log.CaseStarts[aligned.Cases[0]];
        var moves = new List<AlignmentMoveFigure>(aligned.Alignment.Moves.Count);
        int synchronous = 0, inserted = 0, skipped = 0;
        foreach (var move in aligned.Alignment.Moves)
        {
            switch (move.Kind)
            {
                case MoveKind.Synchronous or MoveKind.LogMove:
                    var touchpoint = mapped.EventTouchpoint[firstEvent + move.TracePosition] is var t and >= 0 ? journey.Touchpoints[t] : null;
                    var activity = variant.Activities[move.TracePosition];
                    synchronous += move.Kind == MoveKind.Synchronous ? 1 : 0;
                    inserted += move.Kind == MoveKind.LogMove ? 1 : 0;
                    moves.Add(new AlignmentMoveFigure(move.Kind, touchpoint?.Name ?? activity, activity, touchpoint?.Id, touchpoint?.Stage, move.TracePosition));
                    break;
                case MoveKind.ModelMove:
                    var designed = move.Label is null ? null : journey.FindTouchpoint(move.Label);
                    skipped++;
                    moves.Add(new AlignmentMoveFigure(move.Kind, designed?.Name ?? move.Label ?? "", null, designed?.Id ?? move.Label, designed?.Stage, move.TracePosition));
                    break;
                default:
                    break;
            }
        }

        var alignment = aligned.Alignment;
        return new VariantFlowComparison(
            journey.Id, journey.Name, log.TimeBasis, rank, variant.CaseCount, variant.Share, variant.Activities,
            check.Alignments.Variants.Count, aligned.Cases.Count, alignment.Fitness, alignment.Cost, alignment.IsFitting,
            synchronous, inserted, skipped, moves);
    }

    /// <summary>The ascending indices of the cases whose activity sequence is exactly <paramref name="codes"/>.</summary>
    private static int[] CasesOf(EventLog log, IReadOnlyList<int> codes)
    {
        var sequence = codes.ToArray();
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
