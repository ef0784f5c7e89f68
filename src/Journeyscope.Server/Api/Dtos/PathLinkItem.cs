namespace Journeyscope.Server.Api.Dtos;

/// <summary>A link of the path diagram: cases going from one node to a node one step further from the anchor.</summary>
/// <param name="Source">The id of the node nearer the anchor.</param>
/// <param name="Target">The id of the node one step further.</param>
/// <param name="Cases">Cases taking the link.</param>
public sealed record PathLinkItem(int Source, int Target, long Cases);
