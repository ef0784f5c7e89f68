namespace Journeyscope.Canvas;

/// <summary>One touchpoint of the capability heat map.</summary>
/// <param name="Touchpoint">The touchpoint id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Stage">Its stage id.</param>
/// <param name="Lane">Its blueprint lane as written in YAML.</param>
/// <param name="Cells">One cell per capability kind, in <see cref="CapabilityMap.Kinds"/> order.</param>
/// <param name="Opportunities">How many measured opportunities the agenda lists at the touchpoint.</param>
public sealed record CapabilityMapRow(string Touchpoint, string Name, string Stage, string Lane, IReadOnlyList<CapabilityMapCell> Cells, int Opportunities);
