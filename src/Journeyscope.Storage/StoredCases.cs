using Journeyscope.EventLogs;
using Journeyscope.Identity;

namespace Journeyscope.Storage;

/// <summary>Cases read from an <see cref="IEventStore"/> at one version.</summary>
/// <param name="Version">The store version read.</param>
/// <param name="Log">The cases, whole, in order of first appearance, with every column and attribute.</param>
/// <param name="CaseKeys">Per case, the store sequence number of its first event (the whole log's case order).</param>
/// <param name="Identity">The identity graph the case ids were stitched with.</param>
public sealed record StoredCases(long Version, EventLog Log, long[] CaseKeys, IdentityGraph Identity)
{
    /// <summary>
    /// The largest sequence number of any event stored at <see cref="Version"/> (-1 when there is none), or null when the
    /// store did not say; a reader passes it to <see cref="IEventStore.ReadAppendedSince"/> to read only later events.
    /// </summary>
    public long? LastSeq { get; init; }
}
