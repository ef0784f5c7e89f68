namespace Journeyscope.Server.Api.Dtos;

/// <summary>The designed journeys of a workspace with their diagnostics (GET /api/v1/workspaces/{ws}/journeys).</summary>
/// <param name="Journeys">Every journey, by id.</param>
public sealed record JourneyList(IReadOnlyList<JourneyValidation> Journeys);
