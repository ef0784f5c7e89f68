namespace Journeyscope.Storage;

/// <summary>
/// What changed in an <see cref="IEventStore"/> since a version, as events appended after a sequence number
/// (<see cref="IEventStore.ReadAppendedSince"/>): the reader joins them to the cases it already holds.
/// </summary>
/// <param name="Appended">
/// Per changed case (stitched id) whose events the reader holds under the same identity: only its events stored after the
/// sequence number asked for (none when only its case attributes changed), with its current case attributes, whole; the
/// key of each case is the sequence number of its first event read (<see cref="long.MaxValue"/> when none).
/// </param>
/// <param name="Joined">
/// Anonymous ids that had a case of their own and now belong to a customer (an identify): the reader moves the events it
/// holds for the anonymous id into the customer's case, which is in <paramref name="Appended"/>.
/// </param>
/// <param name="RemovedCases">Stitched ids whose content the reader must drop and take from <paramref name="Whole"/> instead.</param>
/// <param name="Whole">The current content of every case in <paramref name="RemovedCases"/> that still exists, whole.</param>
public sealed record StoredAppend(
    StoredCases Appended, IReadOnlyDictionary<string, string> Joined, IReadOnlySet<string> RemovedCases, StoredCases Whole)
{
    /// <summary>The store version read (every part is read at this one version).</summary>
    public long Version => Appended.Version;

    /// <summary>The largest sequence number of any event stored at <see cref="Version"/>: the next call's starting point.</summary>
    public long LastSeq => Appended.LastSeq ?? -1;
}
