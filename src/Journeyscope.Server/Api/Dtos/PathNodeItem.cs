namespace Journeyscope.Server.Api.Dtos;

/// <summary>A node of the path diagram.</summary>
/// <param name="Id">The node's index in the node list.</param>
/// <param name="Depth">Steps from the anchor (0 is the anchor).</param>
/// <param name="Label">The activity, <c>other</c>, <c>end of journey</c> or <c>start of journey</c>.</param>
/// <param name="Kind"><c>anchor</c>, <c>activity</c>, <c>other</c>, <c>end</c> or <c>target</c>.</param>
/// <param name="Cases">Cases whose path passes through the node.</param>
public sealed record PathNodeItem(int Id, int Depth, string Label, string Kind, long Cases);
