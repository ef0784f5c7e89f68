using Journeyscope.Journeys;

namespace Journeyscope.Conformance;

/// <summary>What <see cref="JourneyConformance.Check"/> found: the mapped log, its alignments and the deviation report.</summary>
/// <param name="Mapped">The log mapped to touchpoints (same cases, in the same order).</param>
/// <param name="Alignments">The alignments of the mapped log against the journey's flow (PM4Py's log-level figures included).</param>
/// <param name="Report">The deviation report.</param>
public sealed record JourneyCheck(MappedLog Mapped, AlignmentResult Alignments, DeviationReport Report);
