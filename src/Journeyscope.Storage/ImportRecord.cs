namespace Journeyscope.Storage;

/// <summary>One import as recorded in the workspace history.</summary>
/// <param name="Id">The import id.</param>
/// <param name="Source">The source name.</param>
/// <param name="Format">The format read.</param>
/// <param name="RecordsRead">Records read.</param>
/// <param name="RecordsImported">Records imported as events.</param>
/// <param name="RecordsQuarantined">Records quarantined.</param>
/// <param name="EventsAdded">Events new to the workspace.</param>
/// <param name="DuplicatesSkipped">Events skipped as duplicates.</param>
/// <param name="ImportedAt">When the import was committed (UTC).</param>
public sealed record ImportRecord(
    long Id,
    string Source,
    string Format,
    long RecordsRead,
    long RecordsImported,
    long RecordsQuarantined,
    long EventsAdded,
    long DuplicatesSkipped,
    DateTimeOffset ImportedAt);
