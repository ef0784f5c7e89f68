using Journeyscope.Kpis;
using Journeyscope.Statistics;

namespace Journeyscope.Agenda;

/// <summary>How the improvement agenda is computed (docs/agenda.md).</summary>
public sealed class AgendaOptions
{
    /// <summary>Monthly value, no adjustment, the top 10, minimum support 30, 1,000 replicates, seed 7.</summary>
    public static AgendaOptions Default { get; } = new();

    /// <summary>The period the value is expressed per (default month).</summary>
    public KpiPeriod Period { get; init; } = KpiPeriod.Month;

    /// <summary>Case attributes to adjust for (and to look for segments in); empty for associational effects only.</summary>
    public IReadOnlyList<string> AdjustFor { get; init; } = [];

    /// <summary>How many opportunities the result lists (all are tested; default 10).</summary>
    public int Top { get; init; } = 10;

    /// <summary>How many of the top opportunities get their root causes (default 5; 0 for none).</summary>
    public int RootCauses { get; init; } = 5;

    /// <summary>How many root-cause factors each of them lists at most (default 3).</summary>
    public int RootCauseFactors { get; init; } = 3;

    /// <summary>Opportunities with fewer cases are not reported (default 30).</summary>
    public int MinimumSupport { get; init; } = 30;

    /// <summary>The false discovery rate of the Benjamini-Hochberg control (default 0.05).</summary>
    public double FalseDiscoveryRate { get; init; } = 0.05;

    /// <summary>How many of the costliest hand-overs become bottleneck opportunities (default 20).</summary>
    public int Bottlenecks { get; init; } = 20;

    /// <summary>
    /// Computes the effects by the per-test pass instead of the one-pass table (slower; the same figures up to the order of
    /// floating-point additions). For checking the fast path (<c>journeyscope bench agenda</c>); default false.
    /// </summary>
    public bool ReferenceEffects { get; init; }

    /// <summary>
    /// Called after each phase of <see cref="AgendaAnalysis.Compute"/> with its name and wall time (the per-phase breakdown of
    /// <c>journeyscope bench agenda --verbose</c>); null (the default) for none.
    /// </summary>
    public Action<string, TimeSpan>? Phases { get; init; }

    /// <summary>The bootstrap: replicates, seed, confidence.</summary>
    public BootstrapOptions Bootstrap { get; init; } = BootstrapOptions.Default;
}
