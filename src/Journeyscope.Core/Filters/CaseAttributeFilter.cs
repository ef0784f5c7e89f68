using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Keeps the cases whose case attribute has (or, negated, does not have) one of some values.</summary>
/// <remarks>
/// Case-level. Values are given as text and compared in the column's type; a missing value never equals a listed
/// value. Syntax: <c>case.segment == B2B</c>, <c>case.segment != B2B</c>, <c>case.segment in (B2B, B2C)</c>, <c>case.segment not in (B2B)</c>.
/// </remarks>
public sealed class CaseAttributeFilter : CaseFilter
{
    private readonly string[] _values;

    /// <summary>Creates the filter.</summary>
    /// <param name="attribute">The case attribute's name.</param>
    /// <param name="values">The values, as text.</param>
    /// <param name="negate">When <c>true</c>, keeps the cases whose value is not listed.</param>
    public CaseAttributeFilter(string attribute, IEnumerable<string> values, bool negate = false)
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

    /// <summary>Whether cases with a listed value are dropped (rather than kept).</summary>
    public bool Negate { get; }

    /// <inheritdoc />
    public override string ToString() => AttributeFilterText.Format("case." + Attribute, _values, Negate);

    internal override CasePredicate Prepare(EventLog log, ReadOnlySpan<bool> kept) =>
        new Predicate(AttributeMatcher.Create(log.FindCaseAttribute(Attribute), _values), Negate);

    private sealed class Predicate(AttributeMatcher matcher, bool negate) : CasePredicate
    {
        public override void Apply(int fromCase, int toCase, Span<bool> keep) => matcher.Apply(fromCase, toCase, keep, negate);
    }
}
