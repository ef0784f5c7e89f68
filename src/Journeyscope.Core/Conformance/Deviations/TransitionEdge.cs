namespace Journeyscope.Conformance;

/// <summary>A directly-follows transition between touchpoints, designed or observed.</summary>
/// <param name="From">The earlier touchpoint, or <c>null</c> for the start of a case.</param>
/// <param name="To">The later touchpoint, or <c>null</c> for the end of a case.</param>
/// <param name="Count">How many times it happened in the log (0 for a designed edge never taken).</param>
/// <param name="Cases">Cases where it happened at least once.</param>
/// <param name="Designed">Whether the designed flow allows it.</param>
public sealed record TransitionEdge(string? From, string? To, int Count, int Cases, bool Designed)
{
    /// <summary>Writes <c>from -&gt; to</c> with <c>[start]</c> and <c>[end]</c> for the case boundaries.</summary>
    public override string ToString() => $"{From ?? "[start]"} -> {To ?? "[end]"}";
}
