namespace Journeyscope.Performance;

public sealed partial class PerformancePartial
{
    /// <summary>One partial covering the (disjoint) cases of all <paramref name="partials"/> (the merge step).</summary>
    /// <remarks>
    /// The inputs are not changed. Associative and commutative: the finish orders by case key. No partials give the empty
    /// partial, which merges with any.
    /// </remarks>
    /// <exception cref="ArgumentException">The partials differ in time basis, source, calendar use or journey.</exception>
    public static PerformancePartial Merge(IReadOnlyList<PerformancePartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            return Empty;
        }

        if (partials.Count == 1)
        {
            return partials[0];
        }

        Shape? shape = null;
        var caseTotal = 0;
        var rows = 0;
        foreach (var partial in partials)
        {
            // The empty partial (of an empty partition) has no shape and merges with any.
            if (partial.Parameters is { } own)
            {
                if (shape is { } seen && seen != own)
                {
                    throw new ArgumentException(
                        "Partials of different time bases, processing-time sources, calendars or journeys do not merge.", nameof(partials));
                }

                shape = own;
            }

            caseTotal += partial.CaseCount;
            rows += partial._cases.Count;
        }

        var activities = new Dictionary<string, StepTally>(StringComparer.Ordinal);
        var edges = new Dictionary<(string, string), WaitTally>();
        var variants = new Dictionary<string, VariantTally>(StringComparer.Ordinal);
        var cases = new List<CaseRow>(rows);
        var durations = new List<long[]>();
        var throughput = new ThroughputPartial[partials.Count];
        for (var p = 0; p < partials.Count; p++)
        {
            var partial = partials[p];
            foreach (var (name, tally) in partial._activities)
            {
                activities[name] = activities.TryGetValue(name, out var sum) ? sum.Add(tally) : tally;
            }

            foreach (var (edge, tally) in partial._edges)
            {
                edges[edge] = edges.TryGetValue(edge, out var sum) ? sum.Add(tally) : tally;
            }

            foreach (var (key, tally) in partial._variants)
            {
                variants[key] = variants.TryGetValue(key, out var sum)
                    ? sum with { Cases = sum.Cases + tally.Cases, FirstKey = Math.Min(sum.FirstKey, tally.FirstKey) }
                    : tally;
            }

            cases.AddRange(partial._cases);
            durations.AddRange(partial._durations);
            throughput[p] = partial._throughput;
        }

        return new PerformancePartial(shape, activities, edges, variants, cases, durations, ThroughputPartial.Merge(throughput), caseTotal);
    }
}
