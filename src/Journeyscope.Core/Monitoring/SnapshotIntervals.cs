using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Statistics;

namespace Journeyscope.Monitoring;

/// <summary>The 95 % intervals of a snapshot's KPI values, overall and per segment (<see cref="KpiMeasure.Interval"/>).</summary>
/// <remarks>Measures each KPI of the period's cases once, on first use; the bootstrap is seeded, so a snapshot taken twice gets the same intervals.</remarks>
internal sealed class SnapshotIntervals
{
    private readonly EventLog _cases;
    private readonly DesignedJourney _journey;
    private readonly KpiOptions _options;
    private readonly string? _segmentBy;
    private readonly Dictionary<string, KpiMeasure> _measures = new(StringComparer.Ordinal);
    private Dictionary<string, KpiDefinition>? _definitions;
    private Dictionary<string, int[]>? _groups;
    private ulong[]? _keys;
    private long _asOf;

    public SnapshotIntervals(EventLog cases, DesignedJourney journey, KpiOptions options, string? segmentBy)
    {
        _cases = cases;
        _journey = journey;
        _options = options;
        _segmentBy = segmentBy;
    }

    /// <summary>The interval of one value: Wilson for shares straight from the value, the others from the KPI's observations.</summary>
    public (double Low, double High, string Method)? Interval(string kpi, string? segment, double? value, int sampleSize)
    {
        if (value is null)
        {
            return null;
        }

        if (_definitions is null)
        {
            _definitions = [];
            foreach (var definition in KpiEngine.Validate([.. _journey.Kpis], _journey))
            {
                _definitions[definition.Kpi.Id] = definition;
            }

            _asOf = KpiEngine.AsOf(_cases, _options);
            _keys = PoissonWeights.CaseKeys(_cases.CaseIds);
        }

        if (!_definitions.TryGetValue(kpi, out var found))
        {
            return null;
        }

        if (found.Kind?.Unit == KpiUnit.Ratio)
        {
            var (low, high) = SnapshotTaker.Interval(value, sampleSize, KpiUnit.Ratio);
            return low is { } l && high is { } h ? (l, h, KpiMeasure.Wilson) : null;
        }

        if (!_measures.TryGetValue(kpi, out var measure))
        {
            measure = KpiMeasure.Create(_cases, _journey, found, _options, _asOf);
            _measures[kpi] = measure;
        }

        var cases = Group(segment);
        return cases is null ? null : measure.Interval(cases, _keys!, value, sampleSize, _options.Seed);
    }

    private int[]? Group(string? segment)
    {
        if (_groups is null)
        {
            _groups = new Dictionary<string, int[]>(StringComparer.Ordinal) { [""] = [.. Enumerable.Range(0, _cases.CaseCount)] };
            if (_segmentBy is not null)
            {
                var labels = KpiSegments.Create(_cases, _segmentBy).CaseLabels;
                foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(c => labels[c], StringComparer.Ordinal))
                {
                    _groups["=" + group.Key] = [.. group];
                }
            }
        }

        return _groups.GetValueOrDefault(segment is null ? "" : "=" + segment);
    }
}
