namespace Journeyscope.Server.Api.Dtos;

/// <summary>One case with its events in order (GET /api/v1/workspaces/{ws}/cases/{caseId}).</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="DurationSeconds">Last minus first event.</param>
/// <param name="Attributes">The case attributes that have a value.</param>
/// <param name="Events">The events, ordered by time (ties in source order).</param>
public sealed record CaseDetails(string CaseId, string TimeBasis, double DurationSeconds, IReadOnlyDictionary<string, object?> Attributes, IReadOnlyList<CaseEvent> Events);
