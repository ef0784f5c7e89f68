namespace Journeyscope.Conformance;

/// <summary>An optimal alignment of one trace (one variant) against a model, with standard costs.</summary>
/// <remarks>
/// Standard costs: log move 1, visible model move 1, synchronous and silent moves 0. Fitness follows PM4Py:
/// <c>1 - Cost / (TraceLength + ShortestModelPathCost)</c>, where <see cref="ShortestModelPathCost"/> is the number
/// of visible transitions on the cheapest run of the model from the initial to the final marking.
/// </remarks>
/// <param name="Moves">The moves in order.</param>
/// <param name="Cost">The total cost: log moves plus visible model moves.</param>
/// <param name="TraceLength">The number of events in the trace.</param>
/// <param name="ShortestModelPathCost">The cost of aligning the empty trace: visible steps of the cheapest complete model run.</param>
public sealed record TraceAlignment(IReadOnlyList<AlignmentMove> Moves, int Cost, int TraceLength, int ShortestModelPathCost)
{
    /// <summary>The trace fitness in [0, 1]; 1 when the trace fits the model.</summary>
    public double Fitness => TraceLength + ShortestModelPathCost == 0 ? 1.0 : 1.0 - ((double)Cost / (TraceLength + ShortestModelPathCost));

    /// <summary>True when the cost is zero: the trace is a run of the model.</summary>
    public bool IsFitting => Cost == 0;

    /// <summary>The number of silent moves in <see cref="Moves"/>; among alignments of equal <see cref="Cost"/>, the search takes one with the fewest.</summary>
    public int SilentMoves { get; init; }

    /// <summary>The number of silent transitions on the cheapest complete model run (the one <see cref="ShortestModelPathCost"/> counts).</summary>
    public int ShortestModelPathSilentMoves { get; init; }

    /// <summary>
    /// PM4Py's internal cost of this alignment: 10,000 per log or visible model move plus 1 per silent move
    /// (the numerator of its <c>log_fitness</c>).
    /// </summary>
    public long RawCost => (10_000L * Cost) + SilentMoves;

    /// <summary>PM4Py's internal worst-case cost of this trace: 10,000 per event plus the raw cost of the cheapest complete model run.</summary>
    public long RawWorstCost => (10_000L * (TraceLength + ShortestModelPathCost)) + ShortestModelPathSilentMoves;
}
