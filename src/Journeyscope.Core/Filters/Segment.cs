using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>One segment of a log: the cases that share an attribute value.</summary>
/// <param name="Value">The attribute value, in its invariant text form.</param>
/// <param name="Log">The cases of the segment, with all their events.</param>
public sealed record Segment(string Value, EventLog Log);
