using Journeyscope.Journeys;

namespace Journeyscope.Canvas;

/// <summary>One cell of the capability heat map: a touchpoint's capabilities of one kind.</summary>
/// <param name="Kind">The capability kind.</param>
/// <param name="Readiness">The lowest readiness among them (the weakest link), or <c>null</c> when none is mapped.</param>
/// <param name="Level">That level's name, or <c>null</c>.</param>
/// <param name="Capabilities">The capabilities of this kind, weakest first.</param>
public sealed record CapabilityMapCell(string Kind, int? Readiness, string? Level, IReadOnlyList<Capability> Capabilities);
