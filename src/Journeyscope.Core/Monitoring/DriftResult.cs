using Journeyscope.EventLogs;

namespace Journeyscope.Monitoring;

/// <summary>
/// Process drift: the one result of <c>journeyscope drift --format json</c>, <c>GET …/drift</c> and the drift page.
/// </summary>
/// <param name="TimeBasis">The time basis of the log (it orders the cases).</param>
/// <param name="Version">The workspace version the result was computed at.</param>
/// <param name="Cases">Cases of the (filtered) log.</param>
/// <param name="Method">The method in one sentence.</param>
/// <param name="Parameters">The parameters used.</param>
/// <param name="ChangePoints">The change points, in case order.</param>
/// <param name="Timeline">The test score along the cases (at most a few hundred points), for a chart.</param>
public sealed record DriftResult(
    TimeBasis TimeBasis,
    long Version,
    int Cases,
    string Method,
    DriftParameters Parameters,
    IReadOnlyList<DriftChangePoint> ChangePoints,
    IReadOnlyList<DriftTimelinePoint> Timeline)
{
    /// <summary>The method, as every result states it.</summary>
    public const string MethodText =
        "Cases ordered by first event; per case the activities, directly-follows relations and frequent variants present; " +
        "adjacent windows compared per feature with a chi-square test (Yates), Bonferroni over the features tested; " +
        "a change must hold for the persistence count of consecutive boundaries and is placed at the strongest one.";
}
