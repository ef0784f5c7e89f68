namespace Journeyscope.Funnels;

/// <summary>Per case of a funnel's log, in log order: its id, deepest step, breakdown group, and each group's value.</summary>
/// <param name="Ids">The case ids.</param>
/// <param name="Depths">The deepest step (0-based) each case reached, -1 when it never did step 1.</param>
/// <param name="Groups">The breakdown group of each case (an index into <paramref name="Values"/>).</param>
/// <param name="Values">The value of each group; index 0 is <c>null</c> (no value).</param>
internal sealed record FunnelCases(IReadOnlyList<string> Ids, sbyte[] Depths, int[] Groups, string?[] Values);
