using Journeyscope.IO;
using Journeyscope.Partitions;

namespace Journeyscope.Storage;

/// <summary>
/// The event store seam: append a batch, a cheap monotonic version, and reads of the stored cases (all of them, or the
/// cases changed since a version) from which a <see cref="PartitionedEventLog"/> is built and grown in place.
/// </summary>
/// <remarks>
/// <see cref="Workspace"/> (DuckDB) is the first implementation. Implementations are thread-safe. Cases are identified by
/// their stitched id (an anonymous id merged into a customer is read as the customer, docs/identity.md); each case comes
/// with its key, the store sequence number of its first event, which orders cases as the whole log does.
/// </remarks>
public interface IEventStore
{
    /// <summary>A number that increases with every commit that changed the stored data; read without I/O or locks.</summary>
    public long Version { get; }

    /// <summary>Appends an import in one transaction; the version increases when something was added.</summary>
    /// <param name="result">What the importer produced.</param>
    /// <param name="sourceName">The name recorded for the import.</param>
    /// <param name="cancellationToken">Cancels the append; nothing is stored then.</param>
    public Task<ImportSummary> AppendAsync(ImportResult result, string sourceName, CancellationToken cancellationToken = default);

    /// <summary>Every stored case, whole, at one version.</summary>
    public StoredCases ReadAll(CancellationToken cancellationToken = default);

    /// <summary>The stitched cases <paramref name="caseIds"/> (ids that are not stored are ignored), whole, at one version.</summary>
    public StoredCases ReadCases(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// What changed since <paramref name="version"/>, read at one consistent version: the stitched cases to drop and
    /// the cases to add back whole. Null when the store cannot tell (an erasure, or changes older than it remembers):
    /// then read everything again.
    /// </summary>
    /// <param name="version">The version the caller's log reflects.</param>
    /// <param name="graph">The identity graph the caller's log was built with (from <see cref="StoredCases.Identity"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public StoredChanges? ReadChangesSince(long version, Identity.IdentityGraph graph, CancellationToken cancellationToken = default);

    /// <summary>
    /// What changed since <paramref name="version"/>, read at one consistent version, as the events stored after
    /// <paramref name="afterSeq"/> (the <see cref="StoredCases.LastSeq"/> of the caller's last read) rather than whole cases:
    /// the caller joins them to the cases it holds. Null when the store cannot tell or does not read this way: then use
    /// <see cref="ReadChangesSince"/>.
    /// </summary>
    /// <param name="version">The version the caller's log reflects.</param>
    /// <param name="afterSeq">The largest sequence number stored at <paramref name="version"/>.</param>
    /// <param name="graph">The identity graph the caller's log was built with.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public StoredAppend? ReadAppendedSince(long version, long afterSeq, Identity.IdentityGraph graph, CancellationToken cancellationToken = default) => null;

    /// <summary>Every stored case split into <paramref name="partitionCount"/> partitions by the stable hash of the case id.</summary>
    public PartitionedEventLog ReadPartitions(int partitionCount, CancellationToken cancellationToken = default)
    {
        var all = ReadAll(cancellationToken);
        return PartitionedEventLog.Create(all.Log, all.CaseKeys, partitionCount, all.Version);
    }
}
