namespace Journeyscope.Canvas;

/// <summary>The capability heat map: touchpoints (rows, in blueprint order) × capability kinds (columns), coloured by readiness.</summary>
/// <param name="Kinds">The column names: people, process, technology, data.</param>
/// <param name="Levels">The readiness level names, level 1 first.</param>
/// <param name="Rows">One row per touchpoint, by stage, then lane, then journey order.</param>
public sealed record CapabilityMap(IReadOnlyList<string> Kinds, IReadOnlyList<string> Levels, IReadOnlyList<CapabilityMapRow> Rows);
