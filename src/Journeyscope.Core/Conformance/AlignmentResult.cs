namespace Journeyscope.Conformance;

/// <summary>The alignments of a whole log against a model, computed once per variant.</summary>
/// <remarks>The log-level figures are PM4Py's (<c>pm4py.fitness_alignments</c>) and must agree with it exactly.</remarks>
/// <param name="Variants">One alignment per variant, most frequent variant first (ties by first case).</param>
/// <param name="CaseVariants">For each case of the aligned log, the index of its variant in <see cref="Variants"/>.</param>
public sealed record AlignmentResult(IReadOnlyList<VariantAlignment> Variants, IReadOnlyList<int> CaseVariants)
{
    /// <summary>The mean trace fitness over cases (PM4Py <c>average_trace_fitness</c>).</summary>
    public double AverageTraceFitness { get; init; }

    /// <summary>
    /// 1 minus the summed cost over the summed worst-case cost over cases (PM4Py <c>log_fitness</c>), where a case's
    /// worst-case cost is its trace length plus the model's shortest path cost.
    /// </summary>
    public double LogFitness { get; init; }

    /// <summary>The percentage (0–100) of cases whose alignment cost is zero (PM4Py <c>percentage_of_fitting_traces</c>).</summary>
    public double PercentageOfFittingTraces { get; init; }

    /// <summary>The alignment of one case.</summary>
    public TraceAlignment ForCase(int caseIndex) => Variants[CaseVariants[caseIndex]].Alignment;
}
