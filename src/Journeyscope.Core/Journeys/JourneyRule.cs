namespace Journeyscope.Journeys;

/// <summary>
/// A rule over live journey state (YAML <c>rules:</c>, docs/monitoring.md "Rules"): it fires once per customer and
/// occurrence, when a customer reaches one of <see cref="On"/> (and <see cref="Where"/> holds on that event) and then
/// either at once, or when <see cref="Within"/> (or the date in attribute <see cref="At"/> minus <see cref="Before"/>)
/// passes without any of <see cref="Unless"/>, or when <see cref="Count"/> such events fall within <see cref="Within"/>.
/// </summary>
/// <param name="Id">The rule's id, unique in the journey.</param>
/// <param name="Name">The display name.</param>
/// <param name="On">The touchpoints whose events start an occurrence (or count as signals).</param>
/// <param name="Where">A condition on the starting event's attribute, e.g. <c>score &lt;= 6</c>; null for none.</param>
/// <param name="Unless">Touchpoints that resolve an open occurrence before its deadline.</param>
/// <param name="Within">The window after the starting event (a deadline), or the signals' window when <see cref="Count"/> &gt; 1.</param>
/// <param name="At">An attribute of the starting event holding a date: the deadline is that date minus <see cref="Before"/>.</param>
/// <param name="Before">How long before the <see cref="At"/> date the deadline falls.</param>
/// <param name="Count">Signals: fire when this many <see cref="On"/> events fall within <see cref="Within"/> (1: every occurrence).</param>
public sealed record JourneyRule(
    string Id, string Name, IReadOnlyList<string> On, string? Where, IReadOnlyList<string> Unless, TimeSpan? Within, string? At, TimeSpan Before, int Count = 1)
{
    /// <summary>Where the rule was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>Whether the rule waits for a deadline (a window or a date) before it fires.</summary>
    public bool HasDeadline => Count <= 1 && (Within is not null || At is not null);
}
