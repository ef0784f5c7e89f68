namespace Journeyscope.Funnels;

/// <summary>A node of a path (Sankey) diagram: a step at a depth from the anchor.</summary>
/// <param name="Id">The node's index in <see cref="PathResult.Nodes"/>.</param>
/// <param name="Depth">Steps from the anchor (0 is the anchor).</param>
/// <param name="Label">The activity name, or <c>other</c>, <c>end of journey</c>, <c>start of journey</c>.</param>
/// <param name="Kind">What the node stands for.</param>
/// <param name="Cases">Cases whose path passes through the node.</param>
public sealed record PathNode(int Id, int Depth, string Label, PathNodeKind Kind, long Cases);
