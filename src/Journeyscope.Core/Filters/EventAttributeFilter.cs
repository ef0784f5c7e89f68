using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Keeps the events whose attribute has (or, negated, does not have) one of some values.</summary>
/// <remarks>
/// Event-level. The attribute names <c>channel</c>, <c>resource</c> and <c>lifecycle</c> read the standard columns; any
/// other name reads the event attribute of that name. Values are given as text and compared in the column's type.
/// A missing value never equals a listed value, so <c>!=</c> / <c>not in</c> keep events without the attribute.
/// Syntax: <c>event.channel == app</c>, <c>event.channel != app</c>, <c>event.channel in (app, web)</c>, <c>event.channel not in (app)</c>.
/// </remarks>
public sealed class EventAttributeFilter : EventFilter
{
    private readonly string[] _values;

    /// <summary>Creates the filter.</summary>
    /// <param name="attribute">The event attribute's name.</param>
    /// <param name="values">The values, as text.</param>
    /// <param name="negate">When <c>true</c>, keeps the events whose value is not listed.</param>
    public EventAttributeFilter(string attribute, IEnumerable<string> values, bool negate = false)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(values);
        Attribute = attribute;
        _values = [.. values];
        Negate = negate;
    }

    /// <summary>The attribute's name.</summary>
    public string Attribute { get; }

    /// <summary>The listed values, as text.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>Whether events with a listed value are dropped (rather than kept).</summary>
    public bool Negate { get; }

    /// <inheritdoc />
    public override string ToString() => AttributeFilterText.Format("event." + Attribute, _values, Negate);

    /// <summary>The column an event attribute name refers to, standard columns first.</summary>
    internal static AttributeColumn? Column(EventLog log, string name) => name switch
    {
        "channel" => log.Channel ?? log.FindEventAttribute(name),
        "resource" => log.Resource ?? log.FindEventAttribute(name),
        "lifecycle" => log.Lifecycle ?? log.FindEventAttribute(name),
        _ => log.FindEventAttribute(name),
    };

    internal override EventPredicate Prepare(EventLog log) =>
        new Predicate(AttributeMatcher.Create(Column(log, Attribute), _values), Negate);

    private sealed class Predicate(AttributeMatcher matcher, bool negate) : EventPredicate
    {
        public override void Apply(int fromEvent, int toEvent, Span<bool> keep) => matcher.Apply(fromEvent, toEvent, keep, negate);
    }
}
