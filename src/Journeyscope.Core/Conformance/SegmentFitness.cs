using Journeyscope.EventLogs;

namespace Journeyscope.Conformance;

/// <summary>Conformance per value of a case attribute, from alignments or token replay (the CLI's <c>conformance --by</c>).</summary>
public static class SegmentFitness
{
    /// <summary>Cases, fitting cases and mean fitness per value of <paramref name="attribute"/>, largest segment first, then by value (ordinal).</summary>
    /// <exception cref="ArgumentException">The log has no case attribute <paramref name="attribute"/>.</exception>
    public static IReadOnlyList<SegmentConformance> Of(EventLog log, AlignmentResult result, string attribute)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Of(log, attribute, c => (result.ForCase(c).IsFitting, result.ForCase(c).Fitness));
    }

    /// <summary>As <see cref="Of(EventLog, AlignmentResult, string)"/>, from token replay.</summary>
    public static IReadOnlyList<SegmentConformance> Of(EventLog log, TokenReplayResult result, string attribute)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Of(log, attribute, c => (result.ForCase(c).IsFitting, result.ForCase(c).Fitness));
    }

    private static List<SegmentConformance> Of(EventLog log, string attribute, Func<int, (bool Fitting, double Fitness)> caseFitness)
    {
        ArgumentNullException.ThrowIfNull(log);
        var column = log.FindCaseAttribute(attribute) ?? throw new ArgumentException($"There is no case attribute '{attribute}'.", nameof(attribute));
        var groups = new Dictionary<string, (int Cases, int Fitting, double Sum)>(StringComparer.Ordinal);
        for (var c = 0; c < log.CaseCount; c++)
        {
            var value = column.GetValue(c)?.ToString() ?? "(missing)";
            var (fitting, fitness) = caseFitness(c);
            groups.TryGetValue(value, out var g);
            groups[value] = (g.Cases + 1, g.Fitting + (fitting ? 1 : 0), g.Sum + fitness);
        }

        return groups
            .Select(g => new SegmentConformance("case:" + attribute, g.Key, g.Value.Cases, g.Value.Fitting, g.Value.Sum / g.Value.Cases))
            .OrderByDescending(s => s.Cases).ThenBy(s => s.Value, StringComparer.Ordinal)
            .ToList();
    }
}
