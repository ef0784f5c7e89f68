using System.Globalization;

namespace Journeyscope.Monitoring;

/// <summary>A rule that fired for one customer: what the webhook carries and the rule firings list shows.</summary>
/// <param name="Journey">The journey's id.</param>
/// <param name="Rule">The rule's id (for a time target: its id).</param>
/// <param name="RuleName">The rule's name.</param>
/// <param name="Kind"><c>rule</c>, or <c>time-target</c> for a breached time target (a live deviation).</param>
/// <param name="Customer">The customer (case id).</param>
/// <param name="Occurrence">The occurrence's number for this rule and customer (1, 2, ...): fires once per number.</param>
/// <param name="At">When it fired: the deadline, or the event that made it fire.</param>
/// <param name="TriggeredAt">When the occurrence started (the first <c>on</c> event).</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Touchpoints">The customer's journey state: their most recent touchpoints (up to 20), oldest first.</param>
public sealed record RuleFiring(
    string Journey, string Rule, string RuleName, string Kind, string Customer, int Occurrence, DateTimeOffset At, DateTimeOffset TriggeredAt,
    string Reason, IReadOnlyList<string> Touchpoints)
{
    /// <summary>The key that makes this firing unique: journey, rule, customer and occurrence.</summary>
    public string DedupKey => string.Create(CultureInfo.InvariantCulture, $"{Journey}/{Rule}/{Customer}/{Occurrence}");
}
