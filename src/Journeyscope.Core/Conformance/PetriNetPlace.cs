namespace Journeyscope.Conformance;

/// <summary>A place of a <see cref="PetriNet"/>.</summary>
/// <param name="Id">The place's identifier, unique in the net (PNML <c>id</c>).</param>
/// <param name="Name">The display name (PNML <c>name/text</c>); the id when none was given.</param>
public sealed record PetriNetPlace(string Id, string Name);
