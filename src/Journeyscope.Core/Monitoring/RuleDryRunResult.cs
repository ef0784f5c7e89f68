namespace Journeyscope.Monitoring;

/// <summary>The result of <see cref="RuleDryRun.Run"/>: per rule, how often it would have fired on the stored history.</summary>
/// <param name="Journey">The journey's id.</param>
/// <param name="Customers">Customers (cases) replayed.</param>
/// <param name="Events">Events replayed.</param>
/// <param name="Until">The clock at the end of the replay: deadlines up to it were evaluated.</param>
/// <param name="Rules">Per rule (then per time target), in the journey's order.</param>
/// <param name="FiringList">Every firing (rule, customer, occurrence), one page of them, when asked for; null otherwise.</param>
public sealed record RuleDryRunResult(
    string Journey, int Customers, int Events, DateTimeOffset? Until, IReadOnlyList<RuleDryRunRule> Rules, RuleDryRunFirings? FiringList = null);
