using System.Diagnostics;
using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

public sealed partial class DiscoveryPartial
{
    /// <summary>Turns the (merged) partial into the results. Does not change the partial.</summary>
    /// <param name="options">Example cases per variant and the degree of parallelism; the defaults when null.</param>
    /// <remarks>
    /// O(n) expected for the edge and variant statistics (medians and percentiles by selection, sums in ticks) plus
    /// O(c log c) to sort the c case durations. The three parts run in parallel.
    /// </remarks>
    public DiscoveryResult Finish(DiscoveryOptions? options = null)
    {
        options ??= DiscoveryOptions.Default;
        options.Validate();
        Debug.Assert(_caseMeasures, "Only the public partials finish into a discovery result.");
        var names = _log.ActivityNames;
        var timeBasis = _log.TimeBasis;
        var caseCount = (long)_caseTotal;
        var order = EdgeOrder();
        var graph = Graph(order, caseCount);
        var rows = GatherCases();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        EdgePerformance[]? performance = null;
        Variant[]? variants = null;
        CaseDurations? durations = null;
        Parallel.Invoke(
            parallel,
            () => performance = EdgePerformances(order, ScatterDurations(parallel), parallel),
            () => variants = Variants(rows, options.ExampleCasesPerVariant),
            () => durations = Durations(rows, timeBasis));
        return new DiscoveryResult(
            graph,
            new PerformanceDfg(names, performance!, timeBasis),
            new VariantSet(variants!, caseCount, timeBasis),
            durations!);
    }

    /// <summary>The per-case rows of this partial and of every merged one, variant ids mapped to ours.</summary>
    private CaseRows GatherCases()
    {
        var rows = new CaseRows(_caseTotal);
        var at = 0;
        Append(_caseIndex.Span, _caseVariant.Span, _caseTicks.Span, null);
        foreach (var segment in _segments)
        {
            var source = segment.Source;
            Append(source._caseIndex.Span, source._caseVariant.Span, source._caseTicks.Span, segment.VariantMap);
        }

        return rows;

        void Append(ReadOnlySpan<int> index, ReadOnlySpan<int> variant, ReadOnlySpan<long> ticks, int[]? map)
        {
            index.CopyTo(rows.Index.AsSpan(at));
            ticks.CopyTo(rows.Ticks.AsSpan(at));
            var target = rows.Variant.AsSpan(at, variant.Length);
            for (var i = 0; i < variant.Length; i++)
            {
                target[i] = map is null ? variant[i] : map[variant[i]];
            }

            at += index.Length;
        }
    }

    private CaseDurations Durations(CaseRows rows, TimeBasis timeBasis)
    {
        var durations = (long[])rows.Ticks.Clone();
        var byCase = new double[_log.CaseCount];
        byCase.AsSpan().Fill(double.NaN);
        for (var i = 0; i < durations.Length; i++)
        {
            byCase[rows.Index[i]] = SortedStatistics.Seconds(durations[i]);
        }

        Array.Sort(durations);
        return new CaseDurations(durations, byCase, timeBasis);
    }

    private Variant[] Variants(CaseRows caseRows, int exampleCasesPerVariant)
    {
        var variantCount = _variants.Count;
        var cases = caseRows.Index.Length;

        // Cases in log order, so that each variant's examples are its first cases.
        var byCase = new int[cases];
        for (var i = 0; i < cases; i++)
        {
            byCase[i] = i;
        }

        if (!IsAscending(caseRows.Index))
        {
            var keys = (int[])caseRows.Index.Clone();
            Array.Sort(keys, byCase);
        }

        var offsets = new int[variantCount + 1];
        for (var v = 0; v < variantCount; v++)
        {
            offsets[v + 1] = offsets[v] + (int)_variantCases[v];
        }

        var cursor = offsets.AsSpan(0, variantCount).ToArray();
        var members = new int[cases];
        foreach (var row in byCase)
        {
            members[cursor[caseRows.Variant[row]]++] = row;
        }

        var ranking = new int[variantCount];
        for (var v = 0; v < variantCount; v++)
        {
            ranking[v] = v;
        }

        Array.Sort(ranking, (x, y) =>
        {
            var byCount = _variantCases[y].CompareTo(_variantCases[x]);
            return byCount != 0 ? byCount : _variantFirstCase[x].CompareTo(_variantFirstCase[y]);
        });

        var caseIds = _log.CaseIds;
        var names = _log.ActivityNames;
        var result = new Variant[variantCount];
        var covered = 0L;
        var durations = new long[cases];
        for (var rank = 0; rank < variantCount; rank++)
        {
            var v = ranking[rank];
            var rows = members.AsSpan(offsets[v], offsets[v + 1] - offsets[v]);
            var run = durations.AsSpan(0, rows.Length);
            for (var i = 0; i < rows.Length; i++)
            {
                run[i] = caseRows.Ticks[rows[i]];
            }

            var sum = SortedStatistics.SumTicks(run);
            var median = OrderStatistics.Median(run);
            var examples = new string[Math.Min(exampleCasesPerVariant, rows.Length)];
            for (var i = 0; i < examples.Length; i++)
            {
                examples[i] = caseIds[caseRows.Index[rows[i]]];
            }

            var codes = _variants.Get(v).ToArray();
            var activityNames = new string[codes.Length];
            for (var i = 0; i < codes.Length; i++)
            {
                activityNames[i] = names[codes[i]];
            }

            var count = _variantCases[v];
            covered += count;
            result[rank] = new Variant(
                rank + 1,
                codes,
                activityNames,
                count,
                (double)count / cases,
                (double)covered / cases,
                SortedStatistics.Seconds(sum) / run.Length,
                median,
                examples);
        }

        return result;
    }

    private static bool IsAscending(ReadOnlySpan<int> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private sealed class CaseRows(int count)
    {
        public int[] Index { get; } = new int[count];

        public int[] Variant { get; } = new int[count];

        public long[] Ticks { get; } = new long[count];
    }
}
