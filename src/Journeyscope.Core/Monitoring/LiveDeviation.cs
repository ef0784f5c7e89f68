namespace Journeyscope.Monitoring;

/// <summary>A deviation of one customer, known the moment it happened (live conformance, docs/monitoring.md).</summary>
/// <param name="Journey">The journey's id.</param>
/// <param name="Customer">The customer (case id).</param>
/// <param name="Kind"><c>skipped</c> (designed steps left out before this one), <c>unexpected</c> (a step that does not fit here), or <c>time-target</c> (a breached time target).</param>
/// <param name="Touchpoint">The touchpoint of the event (for a time target: its id).</param>
/// <param name="At">When it happened.</param>
/// <param name="Deviations">The customer's deviations so far (optimal prefix alignment), or 0 for a time target.</param>
/// <param name="Text">What happened, in words.</param>
public sealed record LiveDeviation(string Journey, string Customer, string Kind, string Touchpoint, DateTimeOffset At, int Deviations, string Text);
