namespace Journeyscope.Conformance;

/// <summary>An arc of a <see cref="PetriNet"/> between a place and a transition, in either direction.</summary>
/// <param name="Place">The index of the place in <see cref="PetriNet.Places"/>.</param>
/// <param name="Transition">The index of the transition in <see cref="PetriNet.Transitions"/>.</param>
/// <param name="FromPlace">True for an input arc (place to transition), false for an output arc (transition to place).</param>
/// <param name="Weight">The number of tokens the arc consumes or produces (at least 1).</param>
public readonly record struct PetriNetArc(int Place, int Transition, bool FromPlace, int Weight);
