using Journeyscope.EventLogs;

namespace Journeyscope.Storage;

/// <summary>
/// What a workspace holds: the one result of <c>journeyscope info --format json</c> and <c>GET /api/v1/workspaces/{ws}</c>,
/// read by the UI's pickers. Counted in the store, except the variants, which depend on the time basis.
/// </summary>
/// <param name="Name">The workspace name (the API's) or folder name (the CLI's).</param>
/// <param name="TimeBasis">The time basis the variants were counted in.</param>
/// <param name="Version">The workspace version: it grows with every import that added something.</param>
/// <param name="Events">Number of events.</param>
/// <param name="Cases">Number of cases with at least one event.</param>
/// <param name="Activities">Number of distinct activities.</param>
/// <param name="Variants">Number of variants in <paramref name="TimeBasis"/>.</param>
/// <param name="FirstTimestamp">The earliest event, or null when empty.</param>
/// <param name="LastTimestamp">The latest event, or null when empty.</param>
/// <param name="Quarantined">Number of quarantined records.</param>
/// <param name="QuarantineBySource">Quarantined records per source file.</param>
/// <param name="TopQuarantineReasons">The most frequent quarantine reasons.</param>
/// <param name="Journeys">The ids of the designed journeys (YAML files in <c>journeys/</c>).</param>
/// <param name="Sources">Every import, oldest first.</param>
/// <param name="Attributes">Event and case attributes with type, distinct and missing counts.</param>
public sealed record WorkspaceDetails(
    string Name,
    TimeBasis TimeBasis,
    long Version,
    long Events,
    long Cases,
    long Activities,
    long Variants,
    DateTimeOffset? FirstTimestamp,
    DateTimeOffset? LastTimestamp,
    long Quarantined,
    IReadOnlyList<QuarantineCount> QuarantineBySource,
    IReadOnlyList<QuarantineCount> TopQuarantineReasons,
    IReadOnlyList<string> Journeys,
    IReadOnlyList<ImportRecord> Sources,
    IReadOnlyList<AttributeInfo> Attributes)
{
    /// <summary>The details of a workspace from its <paramref name="info"/>, with variants counted in <paramref name="timeBasis"/>.</summary>
    /// <param name="name">The workspace name.</param>
    /// <param name="info">What the store holds.</param>
    /// <param name="timeBasis">The time basis of <paramref name="variants"/>.</param>
    /// <param name="variants">The number of variants of the whole log in that time basis.</param>
    /// <param name="journeys">The ids of its journeys.</param>
    public static WorkspaceDetails From(string name, WorkspaceInfo info, TimeBasis timeBasis, long variants, IReadOnlyList<string> journeys)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new WorkspaceDetails(
            name, timeBasis, info.Version, info.EventCount, info.CaseCount, info.ActivityCount, variants, info.FirstTimestamp, info.LastTimestamp,
            info.QuarantineCount, info.QuarantineBySource, info.TopQuarantineReasons, journeys, info.Imports, info.Attributes);
    }
}
