namespace Journeyscope.Funnels;

/// <summary>A funnel: ordered steps, exclusions, windows, ordering rule and an optional breakdown.</summary>
/// <remarks>Immutable; validate with <see cref="Validate"/> (the analysis calls it). See docs/funnels.md for the semantics.</remarks>
public sealed class FunnelDefinition
{
    /// <summary>The largest number of steps plus exclusions a funnel may have.</summary>
    public const int MaxItems = 64;

    /// <summary>Creates a funnel from its steps, in order.</summary>
    public FunnelDefinition(IEnumerable<FunnelStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = [.. steps];
    }

    /// <summary>The ordered steps.</summary>
    public IReadOnlyList<FunnelStep> Steps { get; }

    /// <summary>The exclusions; empty by default.</summary>
    public IReadOnlyList<FunnelExclusion> Exclusions { get; init; } = [];

    /// <summary>The longest time from the first step to any later step, or <c>null</c> for no limit.</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>When <c>true</c>, each step must be the event right after the previous step reached (no other events between).</summary>
    public bool StrictOrder { get; init; }

    /// <summary>
    /// The attribute to break results down by: <c>case.NAME</c>, <c>event.NAME</c> (read on the first step's event), or a bare
    /// name (a case attribute if one exists, otherwise an event attribute). <c>null</c> for no breakdown.
    /// </summary>
    public string? Breakdown { get; init; }

    /// <summary>Checks the definition; throws <see cref="ArgumentException"/> naming the problem.</summary>
    public void Validate()
    {
        if (Steps.Count == 0)
        {
            throw new ArgumentException("A funnel needs at least one step.");
        }

        if (Steps.Count + Exclusions.Count > MaxItems)
        {
            throw new ArgumentException($"A funnel holds at most {MaxItems} steps and exclusions together; got {Steps.Count + Exclusions.Count}.");
        }

        if (Steps[0].IsOptional)
        {
            throw new ArgumentException("The first step of a funnel cannot be optional.");
        }

        if (Window is { } window && window <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The conversion window must be positive; got {window}.");
        }

        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Window is { } stepWindow && stepWindow <= TimeSpan.Zero)
            {
                throw new ArgumentException($"The window of step {i + 1} must be positive; got {stepWindow}.");
            }
        }

        foreach (var exclusion in Exclusions)
        {
            var to = exclusion.ToStep ?? Steps.Count - 1;
            if (exclusion.FromStep < 0 || to >= Steps.Count || to <= exclusion.FromStep)
            {
                throw new ArgumentException(
                    $"The exclusion '{exclusion.Event}' must lie between two steps (0 <= from < to < {Steps.Count}); got {exclusion.FromStep}..{to}.");
            }
        }
    }
}
