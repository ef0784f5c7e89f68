namespace Journeyscope.Storage;

/// <summary>What changed in an <see cref="IEventStore"/> between two versions (<see cref="IEventStore.ReadChangesSince"/>).</summary>
/// <param name="RemovedCases">
/// The stitched case ids whose content changed or that no longer exist (merged into a customer); a cache drops them.
/// </param>
/// <param name="Added">The current content of every changed case that still exists, whole; a cache adds them back.</param>
public sealed record StoredChanges(IReadOnlySet<string> RemovedCases, StoredCases Added);
