namespace Journeyscope.Server.Components.Api;

// A variant compared with a journey's designed flow (GET .../journeys/{id}/variants/{rank}/alignment, docs/api.md).

internal sealed record AlignmentMoveModel(string Kind, string Label, string? Activity, string? TouchpointId, string? StageId, int Position);

internal sealed record VariantAlignmentModel(
    string JourneyId, string JourneyName, int Rank, long Cases, double Share, IReadOnlyList<string> Activities, int TouchpointSequences,
    int AlignedCases, double Fitness, int Cost, bool Fits, int Synchronous, int Inserted, int Skipped, IReadOnlyList<AlignmentMoveModel> Moves);
