namespace Journeyscope.Server.Api.Dtos;

/// <summary>Paths from or to an anchor step (GET /api/v1/workspaces/{ws}/paths): Sankey nodes and links.</summary>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Version">The workspace version.</param>
/// <param name="Anchor">The anchor step.</param>
/// <param name="Direction"><c>next</c> (the steps after the anchor) or <c>previous</c> (the steps before it).</param>
/// <param name="Target">The step where paths stop, or <c>null</c>.</param>
/// <param name="Depth">Steps shown from the anchor.</param>
/// <param name="Top">Activities per depth before the rest go to <c>other</c>.</param>
/// <param name="Cases">Cases containing the anchor (the anchor node's count).</param>
/// <param name="Nodes">The nodes by depth.</param>
/// <param name="Links">The links between consecutive depths.</param>
public sealed record PathsResponse(
    string TimeBasis,
    long Version,
    string Anchor,
    string Direction,
    string? Target,
    int Depth,
    int Top,
    long Cases,
    IReadOnlyList<PathNodeItem> Nodes,
    IReadOnlyList<PathLinkItem> Links);
