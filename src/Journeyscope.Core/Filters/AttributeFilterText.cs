namespace Journeyscope.Filters;

/// <summary>Formats attribute filters in the parser's syntax.</summary>
internal static class AttributeFilterText
{
    public static string Format(string target, IReadOnlyList<string> values, bool negate) => values.Count == 1
        ? target + (negate ? " != " : " == ") + FilterSyntax.Quote(values[0])
        : target + (negate ? " not in " : " in ") + FilterSyntax.List(values);
}
