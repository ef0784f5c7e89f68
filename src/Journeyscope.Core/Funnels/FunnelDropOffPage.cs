namespace Journeyscope.Funnels;

/// <summary>One page of the cases that reached a step and not the next one, in log order.</summary>
/// <param name="Step">The 1-based step.</param>
/// <param name="ByBreakdown">Whether only one breakdown value's cases are listed.</param>
/// <param name="BreakdownValue">That value (<c>null</c>: cases without a value, or all cases when not by breakdown).</param>
/// <param name="Total">All drop-off cases of the step (and value).</param>
/// <param name="Page">The 1-based page.</param>
/// <param name="PageSize">Case ids per page.</param>
/// <param name="Cases">The case ids of this page.</param>
public sealed record FunnelDropOffPage(int Step, bool ByBreakdown, string? BreakdownValue, long Total, int Page, int PageSize, IReadOnlyList<string> Cases);
