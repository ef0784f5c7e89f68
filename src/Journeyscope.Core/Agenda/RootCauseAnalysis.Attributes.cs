using System.Globalization;
using System.Runtime.InteropServices;
using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Agenda;

public static partial class RootCauseAnalysis
{
    /// <summary>Attributes with more distinct values than this (ids) are skipped.</summary>
    public const int MaxDistinctValues = 200;

    /// <summary>Numeric attributes with more distinct values than this are cut at their quartiles.</summary>
    public const int MaxCategoricalNumbers = 12;

    private static void AddAttributeFactors(
        EventLog log, int outcomeCases, RootCauseOptions options, RootCauseExclusions exclusions, List<RootCauseCandidate> candidates, List<string> notes)
    {
        var excluded = exclusions.ActivityMask(log);
        foreach (var (name, level) in Attributes(log, options.By))
        {
            if (exclusions.Attributes.Contains(name))
            {
                continue;
            }

            if (level == CaseAttributeKind)
            {
                AddCaseAttribute(log, log.FindCaseAttribute(name)!, outcomeCases, candidates, notes);
            }
            else
            {
                AddEventAttribute(log, name, EventAttributeFilter.Column(log, name)!, excluded, outcomeCases, candidates, notes);
            }
        }
    }

    /// <summary>The attributes to consider with their level, validated against the log.</summary>
    private static List<(string Name, string Level)> Attributes(EventLog log, IReadOnlyList<string>? by)
    {
        var result = new List<(string, string)>();
        if (by is null)
        {
            foreach (var column in log.CaseAttributes)
            {
                result.Add((column.Name, CaseAttributeKind));
            }

            foreach (var name in (string[])["channel", "resource"])
            {
                if (log.FindCaseAttribute(name) is null && EventAttributeFilter.Column(log, name) is not null)
                {
                    result.Add((name, EventAttributeKind));
                }
            }

            return result;
        }

        foreach (var raw in by)
        {
            var text = raw.Trim();
            if (text.StartsWith("case.", StringComparison.Ordinal))
            {
                var name = text[5..];
                result.Add(log.FindCaseAttribute(name) is not null ? (name, CaseAttributeKind) : throw Unknown(text));
            }
            else if (text.StartsWith("event.", StringComparison.Ordinal))
            {
                var name = text[6..];
                result.Add(EventAttributeFilter.Column(log, name) is not null ? (name, EventAttributeKind) : throw Unknown(text));
            }
            else if (log.FindCaseAttribute(text) is not null)
            {
                result.Add((text, CaseAttributeKind));
            }
            else
            {
                result.Add(EventAttributeFilter.Column(log, text) is not null ? (text, EventAttributeKind) : throw Unknown(text));
            }
        }

        return result.Distinct().ToList();
    }

    private static ArgumentException Unknown(string name) =>
        new($"The log has no case or event attribute '{name}'.", nameof(RootCauseOptions.By));

    /// <summary>The names <see cref="RootCauseOptions.By"/> accepts for <paramref name="log"/>, for did-you-mean suggestions.</summary>
    public static IReadOnlyList<string> AttributeNames(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var names = log.CaseAttributes.Select(c => c.Name).Concat(log.EventAttributes.Select(c => c.Name)).ToList();
        foreach (var name in (string[])["channel", "resource"])
        {
            if (EventAttributeFilter.Column(log, name) is not null)
            {
                names.Add(name);
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddCaseAttribute(EventLog log, AttributeColumn column, int outcomeCases, List<RootCauseCandidate> candidates, List<string> notes)
    {
        if (column.Type == AttributeType.Timestamp)
        {
            notes.Add($"Case attribute '{column.Name}' holds timestamps and was skipped.");
            return;
        }

        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (column.GetValue(c) is { } value)
            {
                Member(groups, value.ToString(), c);
                if (groups.Count > MaxDistinctValues && column.Type is not (AttributeType.Long or AttributeType.Double))
                {
                    notes.Add($"Case attribute '{column.Name}' has more than {MaxDistinctValues} distinct values and was skipped.");
                    return;
                }
            }
        }

        if (groups.Count > MaxCategoricalNumbers && column.Type is AttributeType.Long or AttributeType.Double)
        {
            AddQuartiles(log, column, outcomeCases, candidates);
            return;
        }

        foreach (var (value, members) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            candidates.Add(new RootCauseCandidate(CaseAttributeKind, column.Name, value, $"{column.Name} is {value}",
                [.. members], log.CaseCount, outcomeCases));
        }
    }

    private static void AddQuartiles(EventLog log, AttributeColumn column, int outcomeCases, List<RootCauseCandidate> candidates)
    {
        var values = new double[log.CaseCount];
        var valid = new List<double>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            values[c] = column.GetValue(c) is { } v ? (v.Type == AttributeType.Long ? v.AsLong() : v.AsDouble()) : double.NaN;
            if (!double.IsNaN(values[c]))
            {
                valid.Add(values[c]);
            }
        }

        valid.Sort();
        var cuts = new List<double>();
        foreach (var q in (double[])[0.25, 0.5, 0.75])
        {
            var cut = valid[(int)Math.Floor(q * (valid.Count - 1))];
            if ((cuts.Count == 0 || cut > cuts[^1]) && cut > valid[0])
            {
                cuts.Add(cut);
            }
        }

        var bounds = new List<double> { double.NegativeInfinity };
        bounds.AddRange(cuts);
        bounds.Add(double.PositiveInfinity);
        for (var b = 0; b + 1 < bounds.Count; b++)
        {
            var (from, to) = (bounds[b], bounds[b + 1]);
            var members = new List<int>();
            for (var c = 0; c < values.Length; c++)
            {
                if (values[c] >= from && values[c] < to)
                {
                    members.Add(c);
                }
            }

            var text = double.IsNegativeInfinity(from) ? string.Create(CultureInfo.InvariantCulture, $"< {to:G6}")
                : double.IsPositiveInfinity(to) ? string.Create(CultureInfo.InvariantCulture, $">= {from:G6}")
                : string.Create(CultureInfo.InvariantCulture, $"in [{from:G6}, {to:G6})");
            candidates.Add(new RootCauseCandidate(CaseAttributeKind, column.Name, text, $"{column.Name} {text}", [.. members], log.CaseCount, outcomeCases));
        }
    }

    private static void AddEventAttribute(EventLog log, string name, AttributeColumn column, bool[] excluded, int outcomeCases, List<RootCauseCandidate> candidates, List<string> notes)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < log.CaseCount; c++)
        {
            seen.Clear();
            for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
            {
                if (!excluded[log.Activities[e]] && column.GetValue(e) is { } value && seen.Add(value.ToString()))
                {
                    Member(groups, value.ToString(), c);
                }
            }

            if (groups.Count > MaxDistinctValues)
            {
                notes.Add($"Event attribute '{name}' has more than {MaxDistinctValues} distinct values and was skipped.");
                return;
            }
        }

        foreach (var (value, members) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            candidates.Add(new RootCauseCandidate(EventAttributeKind, name, value, $"Had an event with {name} {value}",
                [.. members], log.CaseCount, outcomeCases));
        }
    }

    private static void Member(Dictionary<string, List<int>> groups, string value, int caseIndex)
    {
        ref var members = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, value, out _);
        members ??= [];
        members.Add(caseIndex);
    }
}
