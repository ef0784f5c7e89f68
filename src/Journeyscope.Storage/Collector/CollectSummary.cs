using Journeyscope.Identity;

namespace Journeyscope.Storage.Collector;

/// <summary>What a collector append stored.</summary>
/// <param name="EventsAdded">Events added to the workspace.</param>
/// <param name="Duplicates">Messages skipped because their id was already stored (or repeated in the request).</param>
/// <param name="Quarantined">Messages quarantined with a reason (those of erased customers included).</param>
/// <param name="Version">The workspace version after the append.</param>
/// <param name="Refused">The refused merges of the identity graph that involve this request's links (to be logged).</param>
public sealed record CollectSummary(long EventsAdded, int Duplicates, int Quarantined, long Version, IReadOnlyList<RefusedMerge> Refused)
{
    /// <summary>
    /// Messages dropped because they name an erased customer (docs/erasure.md); counted in <see cref="Quarantined"/> too,
    /// stored without their text.
    /// </summary>
    public int Suppressed { get; init; }
}
