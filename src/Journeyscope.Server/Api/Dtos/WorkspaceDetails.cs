using Journeyscope.Storage;

namespace Journeyscope.Server.Api.Dtos;

/// <summary>A workspace's contents (GET /api/v1/workspaces/{ws}), computed from the store without loading the log.</summary>
/// <param name="Name">The workspace name.</param>
/// <param name="Version">The workspace version: it grows with every import that added something.</param>
/// <param name="Events">Number of events.</param>
/// <param name="Cases">Number of cases with at least one event.</param>
/// <param name="Activities">Number of distinct activities.</param>
/// <param name="Variants">Number of variants.</param>
/// <param name="FirstTimestamp">The earliest event (UTC), or null when empty.</param>
/// <param name="LastTimestamp">The latest event (UTC), or null when empty.</param>
/// <param name="Quarantined">Number of quarantined records.</param>
/// <param name="Journeys">The ids of the designed journeys (YAML files in <c>journeys/</c>).</param>
/// <param name="Sources">Every import, oldest first.</param>
/// <param name="Attributes">Event and case attributes with type, distinct and missing counts.</param>
public sealed record WorkspaceDetails(
    string Name,
    long Version,
    long Events,
    long Cases,
    long Activities,
    long Variants,
    DateTimeOffset? FirstTimestamp,
    DateTimeOffset? LastTimestamp,
    long Quarantined,
    IReadOnlyList<string> Journeys,
    IReadOnlyList<ImportRecord> Sources,
    IReadOnlyList<AttributeInfo> Attributes);
