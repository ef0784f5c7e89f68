namespace Journeyscope.Conformance;

// Deviation patterns: cases grouped by the deviations that take them out of the design.
public static partial class DeviationAnalysis
{
    /// <summary>The patterns of cases (ids and variant indices in log order) given each variant's items, variants most frequent first.</summary>
    internal static (List<DeviationPattern> Patterns, int Count) CountPatterns(
        IReadOnlyList<string> caseIds, IReadOnlyList<int> caseVariants, DeviationItem[][] variantItems, DeviationOptions options)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var variantPattern = new int[variantItems.Length];
        var patternItems = new List<DeviationItem[]>();
        for (var v = 0; v < variantItems.Length; v++)
        {
            var items = PatternItems(variantItems[v]);
            if (items.Length == 0)
            {
                variantPattern[v] = -1;
                continue;
            }

            var key = string.Join('\n', items);
            if (!byKey.TryGetValue(key, out var p))
            {
                p = patternItems.Count;
                byKey.Add(key, p);
                patternItems.Add(items);
            }

            variantPattern[v] = p;
        }

        var cases = new int[patternItems.Count];
        var examples = new List<string>[patternItems.Count];
        for (var p = 0; p < examples.Length; p++)
        {
            examples[p] = [];
        }

        var caseCount = caseIds.Count;
        for (var c = 0; c < caseCount; c++)
        {
            var p = variantPattern[caseVariants[c]];
            if (p < 0)
            {
                continue;
            }

            cases[p]++;
            if (examples[p].Count < options.ExampleCases)
            {
                examples[p].Add(caseIds[c]);
            }
        }

        var order = new int[patternItems.Count];
        for (var p = 0; p < order.Length; p++)
        {
            order[p] = p;
        }

        // Most cases first; ties keep the order patterns were first met (variant order: most frequent variant first).
        Array.Sort(order, (a, b) => cases[a] != cases[b] ? cases[b].CompareTo(cases[a]) : a.CompareTo(b));
        var take = options.TopPatterns <= 0 ? order.Length : Math.Min(options.TopPatterns, order.Length);
        var patterns = new List<DeviationPattern>(take);
        for (var i = 0; i < take; i++)
        {
            var p = order[i];
            patterns.Add(new DeviationPattern(patternItems[p], cases[p], caseCount == 0 ? 0 : (double)cases[p] / caseCount, examples[p]));
        }

        return (patterns, patternItems.Count);
    }

    /// <summary>
    /// The items of a variant that leave the design: a repeat the design allows (a loop, no log move of the touchpoint)
    /// is rework the touchpoint figures count, but not a deviation, so it is left out of the pattern. A fitting case thus
    /// has no pattern, and the patterns cover exactly the cases that leave the design.
    /// </summary>
    internal static DeviationItem[] PatternItems(DeviationItem[] items)
    {
        var kept = new List<DeviationItem>(items.Length);
        foreach (var item in items)
        {
            if (item.Kind != DeviationKind.Repeated || HasLogMove(items, item.Subject))
            {
                kept.Add(item);
            }
        }

        return kept.Count == items.Length ? items : [.. kept];
    }

    /// <summary>Whether <paramref name="items"/> has the subject done where the design does not allow it.</summary>
    internal static bool HasLogMove(IReadOnlyList<DeviationItem> items, string subject)
    {
        foreach (var i in items)
        {
            if (i.Kind is DeviationKind.Inserted or DeviationKind.OutOfOrder && string.Equals(i.Subject, subject, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
