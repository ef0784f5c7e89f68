namespace Journeyscope.Conformance;

/// <summary>
/// Designed versus actual transitions: the directly-follows relation over touchpoints observed in the log (events that
/// map to no touchpoint are left out) against the one the designed flow allows.
/// </summary>
/// <param name="Observed">Every observed transition with its counts, most frequent first; <see cref="TransitionEdge.Designed"/> tells whether it is designed.</param>
/// <param name="Undesigned">The observed transitions the design does not allow, most frequent first.</param>
/// <param name="NeverTaken">The designed transitions no case took, in design order.</param>
/// <param name="DesignedCount">Number of transitions the design allows (with start and end ones).</param>
public sealed record TransitionComparison(
    IReadOnlyList<TransitionEdge> Observed,
    IReadOnlyList<TransitionEdge> Undesigned,
    IReadOnlyList<TransitionEdge> NeverTaken,
    int DesignedCount);
