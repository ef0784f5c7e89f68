namespace Journeyscope.Server.Api.Dtos;

/// <summary>Every KPI of a journey (GET /api/v1/workspaces/{ws}/journeys/{id}/kpis).</summary>
/// <param name="Journey">The journey id.</param>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Cases of the (filtered) log the KPIs were computed over.</param>
/// <param name="Period">The trend's period: <c>none</c>, <c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c> or <c>year</c>.</param>
/// <param name="By">The segment attribute, or null.</param>
/// <param name="Kpis">The KPIs in the order the journey defines them; empty when it defines none.</param>
public sealed record KpisResponse(string Journey, string TimeBasis, long Version, int Cases, string Period, string? By, IReadOnlyList<KpiItem> Kpis);
