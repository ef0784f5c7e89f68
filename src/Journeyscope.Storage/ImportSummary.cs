namespace Journeyscope.Storage;

/// <summary>What one append to a workspace did.</summary>
/// <param name="ImportId">The import's id in the workspace (1, 2, ...).</param>
/// <param name="Source">The source name (usually the file name).</param>
/// <param name="Format">The format read, for example <c>csv</c> or <c>xes</c>.</param>
/// <param name="RecordsRead">Records read by the importer.</param>
/// <param name="RecordsImported">Records the importer turned into events.</param>
/// <param name="RecordsQuarantined">Records the importer rejected, each stored in the quarantine.</param>
/// <param name="EventsAdded">Events new to the workspace.</param>
/// <param name="DuplicatesSkipped">Events not stored because their id was already stored or repeated in this import.</param>
/// <param name="ImportedAt">When the append was committed.</param>
/// <param name="Version">The workspace version after the append (unchanged when nothing was added).</param>
public sealed record ImportSummary(
    long ImportId,
    string Source,
    string Format,
    long RecordsRead,
    long RecordsImported,
    long RecordsQuarantined,
    long EventsAdded,
    long DuplicatesSkipped,
    DateTimeOffset ImportedAt,
    long Version);
