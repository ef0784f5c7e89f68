namespace Journeyscope.Funnels;

/// <summary>A link of a path diagram: cases going from one node to a node one step further from the anchor.</summary>
/// <param name="Source">The id of the node nearer the anchor.</param>
/// <param name="Target">The id of the node one step further.</param>
/// <param name="Cases">Cases taking this link.</param>
public sealed record PathLink(int Source, int Target, long Cases);
