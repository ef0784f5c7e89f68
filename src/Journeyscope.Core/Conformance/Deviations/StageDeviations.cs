namespace Journeyscope.Conformance;

/// <summary>
/// The touchpoint deviations of one stage rolled up: a case counts once for a kind when it has that kind of deviation
/// at any touchpoint of the stage.
/// </summary>
/// <param name="StageId">The stage's id.</param>
/// <param name="Name">The stage's display name.</param>
/// <param name="Cases">Cases with at least one event mapped to a touchpoint of the stage.</param>
/// <param name="Skipped">Cases that skipped a touchpoint of the stage.</param>
/// <param name="Inserted">Cases with an unexpected touchpoint of the stage.</param>
/// <param name="OutOfOrder">Cases with a touchpoint of the stage out of order.</param>
/// <param name="Repeated">Cases that repeated a touchpoint of the stage.</param>
/// <param name="Deviating">Cases with any of the four kinds at a touchpoint of the stage.</param>
public sealed record StageDeviations(
    string StageId,
    string Name,
    int Cases,
    int Skipped,
    int Inserted,
    int OutOfOrder,
    int Repeated,
    int Deviating);
