using System.Runtime.InteropServices;

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
        var edgeParts = new Dictionary<(string, string), (List<long[]> Parts, int Count)>();
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

            // The waits stay in their parts' arrays: one list of parts per hand-over, gathered once by the finish.
            foreach (var (edge, tally) in partial._edges)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(edgeParts, edge, out var exists);
                if (!exists)
                {
                    slot = ([], 0);
                }

                slot.Parts.AddRange(tally.Parts);
                slot.Count = checked(slot.Count + tally.Count);
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

        var edges = new Dictionary<(string, string), WaitTally>(edgeParts.Count);
        foreach (var (edge, (parts, count)) in edgeParts)
        {
            edges[edge] = new WaitTally(parts, count);
        }

        return new PerformancePartial(shape, activities, edges, variants, cases, durations, ThroughputPartial.Merge(throughput), caseTotal);
    }
}
