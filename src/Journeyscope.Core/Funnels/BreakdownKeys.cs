using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Funnels;

/// <summary>Maps each case (or each first-step event) to a small group number for a breakdown; 0 is "no value".</summary>
/// <remarks>
/// String columns use their dictionary codes directly (code + 1), so the hot loop reads one int. Other column types are
/// mapped once, before the parallel pass, through their invariant text form.
/// </remarks>
internal sealed class BreakdownKeys
{
    private readonly StringColumn? _strings;
    private readonly int[]? _rowGroups;

    private BreakdownKeys(bool perEvent, StringColumn? strings, int[]? rowGroups, string?[] values)
    {
        PerEvent = perEvent;
        _strings = strings;
        _rowGroups = rowGroups;
        Values = values;
    }

    /// <summary>Whether the group is read on the first step's event rather than on the case.</summary>
    public bool PerEvent { get; }

    /// <summary>The value of each group; index 0 is <c>null</c> (no value).</summary>
    public string?[] Values { get; }

    public static BreakdownKeys? Create(EventLog log, string? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        var (column, perEvent) = Resolve(log, attribute);
        if (column is null)
        {
            throw new ArgumentException($"The breakdown attribute '{attribute}' is neither a case nor an event attribute of this log.", nameof(attribute));
        }

        if (column is StringColumn strings)
        {
            var values = new string?[strings.Dictionary.Count + 1];
            for (var i = 0; i < strings.Dictionary.Count; i++)
            {
                values[i + 1] = strings.Dictionary[i];
            }

            return new BreakdownKeys(perEvent, strings, null, values);
        }

        var groups = new int[column.Length];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string?> { null };
        for (var row = 0; row < groups.Length; row++)
        {
            if (column.GetValue(row) is not { } value)
            {
                continue;
            }

            var text = value.ToString();
            if (!index.TryGetValue(text, out var group))
            {
                group = names.Count;
                index.Add(text, group);
                names.Add(text);
            }

            groups[row] = group;
        }

        return new BreakdownKeys(perEvent, null, groups, [.. names]);
    }

    /// <summary>
    /// The column <paramref name="attribute"/> names in <paramref name="log"/> (<c>case.</c> or <c>event.</c> prefixed, or
    /// bare: a case attribute first), and whether it is read per event; null when the log has no such column.
    /// </summary>
    public static (AttributeColumn? Column, bool PerEvent) Resolve(EventLog log, string attribute)
    {
        if (attribute.StartsWith("case.", StringComparison.OrdinalIgnoreCase))
        {
            return (log.FindCaseAttribute(attribute[5..]), false);
        }

        if (attribute.StartsWith("event.", StringComparison.OrdinalIgnoreCase))
        {
            return (EventAttributeFilter.Column(log, attribute[6..]), true);
        }

        var column = log.FindCaseAttribute(attribute);
        return column is not null ? (column, false) : (EventAttributeFilter.Column(log, attribute), true);
    }

    /// <summary>The group of a case whose chosen attempt starts at <paramref name="startEvent"/>.</summary>
    public int GroupOf(int caseIndex, int startEvent)
    {
        var row = PerEvent ? startEvent : caseIndex;
        return _strings is not null ? _strings.Codes[row] + 1 : _rowGroups![row];
    }
}
