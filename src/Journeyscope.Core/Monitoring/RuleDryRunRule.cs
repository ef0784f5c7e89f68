namespace Journeyscope.Monitoring;

/// <summary>How often one rule would have fired on the stored history.</summary>
/// <param name="Rule">The rule's id.</param>
/// <param name="Name">The rule's name.</param>
/// <param name="Kind"><c>rule</c> or <c>time-target</c>.</param>
/// <param name="Firings">Firings (occurrences).</param>
/// <param name="Customers">Distinct customers it fired for.</param>
/// <param name="Examples">Up to 5 firings, the earliest first.</param>
public sealed record RuleDryRunRule(string Rule, string Name, string Kind, int Firings, int Customers, IReadOnlyList<RuleFiring> Examples);
