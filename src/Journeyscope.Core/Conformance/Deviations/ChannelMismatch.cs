namespace Journeyscope.Conformance;

/// <summary>Events mapped to a touchpoint that happened on another channel than the touchpoint's designed one.</summary>
/// <param name="TouchpointId">The touchpoint's id.</param>
/// <param name="DesignedChannel">The touchpoint's designed channel.</param>
/// <param name="ActualChannel">The channel the events carried.</param>
/// <param name="Events">Number of such events.</param>
/// <param name="Cases">Cases with at least one such event.</param>
public sealed record ChannelMismatch(string TouchpointId, string DesignedChannel, string ActualChannel, int Events, int Cases);
