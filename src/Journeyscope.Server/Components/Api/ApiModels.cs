namespace Journeyscope.Server.Components.Api;

// The JSON the UI reads from the public REST API (docs/api.md), camelCase on the wire. Only the fields the pages
// show are declared; unknown fields are ignored, so the API can grow without breaking the UI.

internal sealed record WorkspaceListModel(string DefaultWorkspace, IReadOnlyList<WorkspaceListItemModel> Workspaces);

internal sealed record WorkspaceListItemModel(string Name, bool IsDefault);

internal sealed record CsvMappingModel(
    string? Case, string? Activity, string? Timestamp, string? StartTimestamp, string? Resource, string? Channel, string? Lifecycle, string? EventId, string? TimestampFormat);

internal sealed record InspectedColumnModel(string Name, string Role, string Type, string? TimestampFormat);

internal sealed record TimestampPreviewModel(int Row, string? Text, DateTimeOffset? Parsed, string? Problem);

internal sealed record InspectModel(
    string FileName, string Format, string? Encoding, string? Delimiter, CsvMappingModel? SuggestedMapping,
    IReadOnlyList<InspectedColumnModel> Columns, IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<TimestampPreviewModel> TimestampPreview, IReadOnlyList<string> Warnings);

internal sealed record ImportSummaryModel(
    string Source, string Format, long RecordsRead, long RecordsImported, long RecordsQuarantined, long EventsAdded, long DuplicatesSkipped, long Version);

internal sealed record QuarantinedRecordModel(string Source, long Line, long ByteOffset, string? Field, string Reason, string? RawText);

internal sealed record ImportModel(ImportSummaryModel Summary, IReadOnlyList<QuarantinedRecordModel> Quarantine, IReadOnlyList<string> Warnings);

internal sealed record JourneyListItemModel(string Id, string? Name, bool Valid);

internal sealed record JourneyListModel(IReadOnlyList<JourneyListItemModel> Journeys);

internal sealed record StageModel(string Id, string Name, string? Description);

internal sealed record TouchpointModel(string Id, string Name, string Stage, string Lane, string? Channel, string? Owner, string? Description);

internal sealed record JourneyModel(
    string Id, string Name, string? Owner, string? Description, IReadOnlyList<StageModel> Stages, IReadOnlyList<TouchpointModel> Touchpoints, string? Flow = null);

/// <summary>What the import wizard sends with the file (the API's import form fields).</summary>
internal sealed record ImportRequest(string? Mode = null, string? Format = null, CsvMappingModel? Mapping = null);
