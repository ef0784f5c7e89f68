namespace Journeyscope.Conformance;

/// <summary>A transition of a <see cref="PetriNet"/>.</summary>
/// <param name="Id">The transition's identifier, unique in the net (PNML <c>id</c>).</param>
/// <param name="Name">The display name (PNML <c>name/text</c>); for a silent transition often a generated name such as <c>skip_3</c>.</param>
/// <param name="Label">The activity the transition stands for, or <c>null</c> for a silent (tau) transition.</param>
public sealed record PetriNetTransition(string Id, string Name, string? Label)
{
    /// <summary>True for a silent (tau) transition: it has no label and is not observed in a log.</summary>
    public bool IsSilent => Label is null;
}
