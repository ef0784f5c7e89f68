namespace Journeyscope.Conformance;

/// <summary>What one event did to a customer's live prefix alignment.</summary>
/// <param name="Kind">Conforming, after skipped steps, or unexpected.</param>
/// <param name="Deviations">Deviations (log or visible model moves) of the prefix's optimal alignment after the event.</param>
/// <param name="AddedDeviations">How many deviations this event added (0 when conforming).</param>
public readonly record struct PrefixStep(PrefixStepKind Kind, int Deviations, int AddedDeviations);
