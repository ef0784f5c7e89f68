namespace Journeyscope.Server.Api.Dtos;

/// <summary>The validation of a journey (GET /api/v1/workspaces/{ws}/journeys/{id}/validation, and PUT's answer).</summary>
/// <param name="Id">The journey id (file name without <c>.yaml</c>).</param>
/// <param name="Name">The journey's display name, when it could be read.</param>
/// <param name="Valid">Whether there are no errors.</param>
/// <param name="Diagnostics">Every problem found, in file order.</param>
public sealed record JourneyValidation(string Id, string? Name, bool Valid, IReadOnlyList<JourneyDiagnostic> Diagnostics);
