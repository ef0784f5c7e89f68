namespace Journeyscope.Server.Api.Dtos;

/// <summary>One page of the cases matching a drill-down (GET /api/v1/workspaces/{ws}/cases), in log order.</summary>
/// <param name="Total">Number of matching cases.</param>
/// <param name="Page">The 1-based page.</param>
/// <param name="PageSize">Cases per page.</param>
/// <param name="Cases">The cases of this page.</param>
public sealed record CasesPage(long Total, int Page, int PageSize, IReadOnlyList<CaseListItem> Cases);
