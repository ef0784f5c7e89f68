namespace Journeyscope.Monitoring;

/// <summary>One page of the firings of a dry run (<see cref="RuleDryRun.Run"/>), ordered by time, then by key.</summary>
/// <param name="Total">Firings in all (rules and time targets).</param>
/// <param name="Offset">Firings skipped before this page.</param>
/// <param name="Items">The page: each firing with its rule, customer and occurrence (the keys the live rules record and send once).</param>
public sealed record RuleDryRunFirings(int Total, int Offset, IReadOnlyList<RuleFiring> Items);
