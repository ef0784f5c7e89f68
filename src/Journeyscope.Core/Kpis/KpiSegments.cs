using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Kpis;

/// <summary>
/// The segment of each case: the case attribute's value, or (when the log has no case attribute of that name) the
/// first value the event attribute takes in the case; <c>(none)</c> when there is no value.
/// </summary>
internal sealed class KpiSegments
{
    public const string None = "(none)";

    private readonly string[] _caseLabels;
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);

    private KpiSegments(string[] caseLabels)
    {
        _caseLabels = caseLabels;
        foreach (var label in caseLabels)
        {
            _order.TryAdd(label, _order.Count);
        }
    }

    /// <summary>The segments of cases whose labels are <paramref name="caseLabels"/>, in case order.</summary>
    public static KpiSegments FromLabels(string[] caseLabels) => new(caseLabels);

    public static KpiSegments Create(EventLog log, string attribute)
    {
        var labels = new string[log.CaseCount];
        var caseColumn = log.FindCaseAttribute(attribute);
        var eventColumn = caseColumn is null ? EventAttributeFilter.Column(log, attribute) : null;
        for (var c = 0; c < labels.Length; c++)
        {
            labels[c] = None;
            if (caseColumn is not null)
            {
                labels[c] = caseColumn.GetValue(c)?.ToString() ?? None;
                continue;
            }

            for (var e = log.CaseStart(c); eventColumn is not null && e < log.CaseStart(c + 1); e++)
            {
                if (eventColumn.GetValue(e) is { } value)
                {
                    labels[c] = value.ToString();
                    break;
                }
            }
        }

        return new KpiSegments(labels);
    }

    /// <summary>The segment of each case (its first value for an event attribute).</summary>
    public IReadOnlyList<string> CaseLabels => _caseLabels;

    /// <summary>The rank of a label by first appearance, for stable ordering.</summary>
    public int Rank(string label) => _order.TryGetValue(label, out var rank) ? rank : int.MaxValue;
}
