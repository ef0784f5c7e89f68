using System.Runtime.InteropServices;
using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Splits a log into segments by the value of a case or event attribute.</summary>
public static class Segmentation
{
    /// <summary>
    /// Splits <paramref name="log"/> by <paramref name="attribute"/>: a case attribute of that name if there is one,
    /// otherwise an event attribute (<c>channel</c>, <c>resource</c>, <c>lifecycle</c> or any other).
    /// </summary>
    /// <remarks>
    /// Each segment holds whole cases (all their events). By a case attribute, each case with a value belongs to
    /// exactly one segment. By an event attribute, a case belongs to every value any of its events has, so segments
    /// can overlap (a journey touching app and web is in both). Cases without a value are in no segment. Segments are
    /// ordered by first appearance of their value. O(n) plus the selections.
    /// </remarks>
    public static IReadOnlyList<Segment> Split(EventLog log, string attribute)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(attribute);
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        var caseColumn = log.FindCaseAttribute(attribute);
        if (caseColumn is not null)
        {
            for (var c = 0; c < log.CaseCount; c++)
            {
                if (caseColumn.GetValue(c) is { } value)
                {
                    Add(members, order, value.ToString(), c);
                }
            }
        }
        else if (EventAttributeFilter.Column(log, attribute) is { } eventColumn)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var c = 0; c < log.CaseCount; c++)
            {
                seen.Clear();
                for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
                {
                    if (eventColumn.GetValue(e) is { } value && seen.Add(value.ToString()))
                    {
                        Add(members, order, value.ToString(), c);
                    }
                }
            }
        }

        var segments = new List<Segment>(order.Count);
        foreach (var value in order)
        {
            segments.Add(new Segment(value, log.SelectCases(CollectionsMarshal.AsSpan(members[value]))));
        }

        return segments;
    }

    private static void Add(Dictionary<string, List<int>> members, List<string> order, string value, int caseIndex)
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(members, value, out var exists);
        if (!exists)
        {
            list = [];
            order.Add(value);
        }

        list!.Add(caseIndex);
    }
}
