namespace Journeyscope.Agenda;

/// <summary>Options of <see cref="RootCauseAnalysis"/>.</summary>
public sealed class RootCauseOptions
{
    /// <summary>The defaults (docs/rootcause.md).</summary>
    public static RootCauseOptions Default { get; } = new();

    /// <summary>
    /// The attributes to consider; null for every case attribute plus <c>channel</c> and <c>resource</c>. A name is looked
    /// up as a case attribute first, then as an event attribute (lifted: a case has the value when one of its events has it);
    /// <c>event.x</c> or <c>case.x</c> names the level explicitly.
    /// </summary>
    public IReadOnlyList<string>? By { get; init; }

    /// <summary>The fewest cases a group, and the rest of its population, must have to be tested (default 30).</summary>
    public int MinSupport { get; init; } = 30;

    /// <summary>The fewest cases as a share of all cases (default 1 %); the larger of the two bounds applies.</summary>
    public double MinSupportShare { get; init; } = 0.01;

    /// <summary>Whether to search pairs of conditions (a shallow subgroup search).</summary>
    public bool Pairs { get; init; }

    /// <summary>How many factors the result lists (default 20).</summary>
    public int Top { get; init; } = 20;

    /// <summary>How many backstage hand-overs the result lists (default 10).</summary>
    public int BackstageTop { get; init; } = 10;

    /// <summary>Whether to include the entry path and the waits before each activity as factors (default true).</summary>
    public bool IncludeProcessFactors { get; init; } = true;
}
