namespace Journeyscope.Server.Api.Dtos;

/// <summary>The KPI tree of a journey with measured associations (GET /api/v1/workspaces/{ws}/journeys/{id}/kpis/tree).</summary>
/// <param name="Journey">The journey id.</param>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Cases of the (filtered) log.</param>
/// <param name="Links">Each parent ← driver link, parents in KPI order; empty when no KPI has drivers.</param>
public sealed record KpiTreeResponse(string Journey, string TimeBasis, long Version, int Cases, IReadOnlyList<KpiTreeLink> Links);
