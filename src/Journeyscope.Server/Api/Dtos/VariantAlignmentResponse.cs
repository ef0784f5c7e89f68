namespace Journeyscope.Server.Api.Dtos;

/// <summary>The optimal alignment of one variant of the filtered log with a journey's designed flow.</summary>
/// <param name="JourneyId">The journey's id.</param>
/// <param name="JourneyName">The journey's display name.</param>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Rank">The variant's rank in the filtered log (1 for the most frequent, as <c>/variants</c> ranks them).</param>
/// <param name="Cases">The variant's number of cases.</param>
/// <param name="Share">The variant's share of all cases.</param>
/// <param name="Activities">The variant's activity sequence.</param>
/// <param name="TouchpointSequences">
/// How many distinct touchpoint sequences the variant's cases map to (more than 1 when touchpoint rules look at attributes
/// such as the channel); the alignment shown is the one of the most frequent.
/// </param>
/// <param name="AlignedCases">How many of the variant's cases follow the touchpoint sequence aligned here.</param>
/// <param name="Fitness">The trace fitness in [0, 1] (PM4Py's definition: 1 − cost / (events + shortest designed path)).</param>
/// <param name="Cost">The alignment cost: inserted plus skipped steps.</param>
/// <param name="Fits">True when the variant follows the designed flow exactly (cost 0).</param>
/// <param name="Synchronous">The number of synchronous steps.</param>
/// <param name="Inserted">The number of inserted steps (events the flow does not expect there).</param>
/// <param name="Skipped">The number of skipped steps (designed touchpoints the variant did not visit).</param>
/// <param name="Moves">The visible steps in order (silent routing steps of the flow are left out).</param>
public sealed record VariantAlignmentResponse(
    string JourneyId,
    string JourneyName,
    string TimeBasis,
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
    IReadOnlyList<AlignmentMoveItem> Moves);
