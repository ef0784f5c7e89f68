namespace Journeyscope.Funnels;

/// <summary>A path diagram: nodes by depth and links between consecutive depths, ready to draw as a Sankey.</summary>
/// <remarks>
/// Counts always add up: the cases into a node equal the cases out of it, unless it is terminal (end of journey, target,
/// or the last depth shown). Immutable.
/// </remarks>
/// <param name="Options">The options used.</param>
/// <param name="Cases">Cases whose journey contains the anchor (the count of the anchor node).</param>
/// <param name="Nodes">The nodes, ordered by depth, then by count, then other, target and end.</param>
/// <param name="Links">The links, ordered by source then target.</param>
public sealed record PathResult(PathOptions Options, long Cases, IReadOnlyList<PathNode> Nodes, IReadOnlyList<PathLink> Links);
