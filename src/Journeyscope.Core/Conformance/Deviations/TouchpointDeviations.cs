namespace Journeyscope.Conformance;

/// <summary>How often cases deviated from the design at one touchpoint; every count is a number of cases.</summary>
/// <param name="TouchpointId">The touchpoint's id.</param>
/// <param name="Name">The touchpoint's display name.</param>
/// <param name="StageId">The id of the touchpoint's stage.</param>
/// <param name="Cases">Cases with at least one event mapped to the touchpoint.</param>
/// <param name="Skipped">Cases that skipped it (<see cref="DeviationKind.Skipped"/>).</param>
/// <param name="Inserted">Cases that did it where the design does not allow it (<see cref="DeviationKind.Inserted"/>).</param>
/// <param name="OutOfOrder">Cases that did it out of order (<see cref="DeviationKind.OutOfOrder"/>).</param>
/// <param name="Repeated">Cases that did it more than once (<see cref="DeviationKind.Repeated"/>).</param>
public sealed record TouchpointDeviations(
    string TouchpointId,
    string Name,
    string StageId,
    int Cases,
    int Skipped,
    int Inserted,
    int OutOfOrder,
    int Repeated);
