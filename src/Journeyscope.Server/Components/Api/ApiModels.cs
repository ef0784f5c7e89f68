namespace Journeyscope.Server.Components.Api;

// The JSON the UI reads from the public REST API (docs/api.md), camelCase on the wire. Only the fields the pages
// show are declared; unknown fields are ignored, so the API can grow without breaking the UI.

internal sealed record WorkspaceListModel(string DefaultWorkspace, IReadOnlyList<WorkspaceListItemModel> Workspaces);

internal sealed record WorkspaceListItemModel(string Name, bool IsDefault, long? Events = null, long? Cases = null);

internal sealed record CsvMappingModel(
    string? Case, string? Activity, string? Timestamp, string? StartTimestamp, string? Resource, string? Channel, string? Lifecycle, string? EventId, string? TimestampFormat,
    IReadOnlyList<string>? WideTimestamps = null, string? Survey = null, string? Score = null, string? Comment = null);

internal sealed record InspectedColumnModel(string Name, string Role, string Type, string? TimestampFormat, IReadOnlyList<string>? Samples = null, int Distinct = 0);

internal sealed record MappingProposalModel(string Role, string Column, double Confidence, string Reason);

internal sealed record TimestampCheckModel(string Column, string Format, int Parsed, int Total, int WithOffset, string Zone, double ParsedShare);

internal sealed record TimestampPreviewModel(int Row, string? Text, DateTimeOffset? Parsed, string? Problem);

internal sealed record InspectModel(
    string FileName, string Format, string? Encoding, string? Delimiter, CsvMappingModel? SuggestedMapping,
    IReadOnlyList<InspectedColumnModel> Columns, IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<TimestampPreviewModel> TimestampPreview, IReadOnlyList<string> Warnings, string? Layout = null,
    IReadOnlyList<MappingProposalModel>? Proposals = null, IReadOnlyList<string>? Missing = null, TimestampCheckModel? Timestamps = null);

internal sealed record ImportSummaryModel(
    string Source, string Format, long RecordsRead, long RecordsImported, long RecordsQuarantined, long EventsAdded, long DuplicatesSkipped, long Version);

internal sealed record QuarantinedRecordModel(string Source, long Line, long ByteOffset, string? Field, string Reason, string? RawText);

internal sealed record ImportModel(ImportSummaryModel Summary, IReadOnlyList<QuarantinedRecordModel> Quarantine, IReadOnlyList<string> Warnings);

internal sealed record JourneyListItemModel(string Id, string? Name, bool Valid);

internal sealed record JourneyListModel(IReadOnlyList<JourneyListItemModel> Journeys);

internal sealed record StageModel(string Id, string Name, string? Description);

internal sealed record TouchpointModel(string Id, string Name, string Stage, string Lane, string? Channel, string? Owner, string? Description);

internal sealed record JourneyModel(
    string Id, string Name, string? Owner, string? Description, IReadOnlyList<StageModel> Stages, IReadOnlyList<TouchpointModel> Touchpoints, string? Flow = null,
    string? Version = null, IReadOnlyList<JourneyKpiModel>? Kpis = null);

internal sealed record JourneyKpiModel(string Id, string Name, string Kind, string? Target);

/// <summary>What the import wizard sends with the file (the API's import form fields).</summary>
internal sealed record ImportRequest(
    string? Mode = null, string? Format = null, CsvMappingModel? Mapping = null, string? TimeZone = null, string? Encoding = null, string? Delimiter = null,
    IReadOnlyList<string>? CaseAttributes = null, string? SurveyDate = null, string? LookupKey = null, string? LookupCase = null,
    IReadOnlyList<string>? LookupAttributes = null, string? UploadId = null, string? LookupOn = null);

/// <summary>A kept upload (<c>POST …/imports/uploads</c>).</summary>
internal sealed record UploadModel(string UploadId, string FileName, long Bytes);
