namespace Journeyscope.Kpis;

/// <summary>
/// What one aggregate of a KPI expression reads from each case, over every period with weight 1: per case (in
/// <see cref="Starts"/> order) the time and value of each event or of the case it counts, in event order.
/// </summary>
/// <remarks>
/// Conditions are case-local, so the items of a case do not depend on the other cases: partials keep them per case and
/// the finish evaluates the expression from them in the whole log's case order (<see cref="ExpressionContext"/>).
/// </remarks>
/// <param name="Starts">Per case, the index of its first item; one more entry than cases.</param>
/// <param name="Times">Per item, the time that decides its period: the event's, or the case's first event's.</param>
/// <param name="Values">Per item, the value the aggregate reads (1 for a count).</param>
internal sealed record AggregateItems(int[] Starts, long[] Times, double[] Values);
