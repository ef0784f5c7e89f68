using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Partitions;

namespace Journeyscope.Kpis;

/// <summary>
/// The mergeable partial of a journey's declared KPIs over some cases: per case its key in the whole log's order, id,
/// first and last event time and segment label, and per KPI what the case contributes — the observations of a built-in
/// kind, or the items each aggregate of a custom expression reads — with the data checks behind the notes.
/// </summary>
/// <remarks>
/// Immutable once built. Observations and items are case-local; what depends on every case is decided at the finish: the
/// as-of moment (the log's last event) censors retention windows and adds churn by inactivity, segment labels are ranked,
/// and sums, the KPI tree's splits and its seeded case bootstrap run over the cases in key order, so
/// <see cref="Finish"/> equals <see cref="JourneyKpis.Compute"/> of the whole log and <see cref="FinishTree"/>
/// <see cref="JourneyKpiTree.Compute"/>, to the bit, whatever the partitioning. Merge only: float sums in key order leave
/// no running total. O(events × KPIs) to map, O(segments) to merge, O(observations + cases log cases) to finish.
/// </remarks>
public sealed partial class JourneyKpiPartial
{
    private readonly Plan _plan;
    private readonly Chunk[] _chunks;

    private JourneyKpiPartial(Plan plan, Chunk[] chunks)
    {
        _plan = plan;
        _chunks = chunks;
        foreach (var chunk in chunks)
        {
            CaseCount += chunk.Keys.Length;
        }
    }

    /// <summary>The journey whose KPIs the partial measures.</summary>
    public DesignedJourney Journey => _plan.Journey;

    /// <summary>The segment attribute (trimmed), or null.</summary>
    public string? SegmentBy => _plan.SegmentBy;

    /// <summary>Number of cases covered.</summary>
    public int CaseCount { get; }

    /// <summary>The time basis of the mapped logs (<see cref="TimeBasis.Utc"/> when none was mapped).</summary>
    public TimeBasis TimeBasis => _chunks.Length == 0 ? TimeBasis.Utc : _chunks[0].TimeBasis;

    /// <summary>
    /// A cache that maps and merges the KPIs of <paramref name="journey"/> (segmented by <paramref name="by"/> when given)
    /// over a partitioned log; the trend's period is chosen at the finish.
    /// </summary>
    /// <exception cref="KpiException">A KPI is misconfigured; the message lists every problem.</exception>
    public static PartialCache<JourneyKpiPartial> Cache(DesignedJourney journey, string? by = null)
    {
        var plan = new Plan(journey, by);
        return new PartialCache<JourneyKpiPartial>(segment => Map(segment, plan), partials => Merge(plan, partials));
    }

    /// <summary>The partial of every case of <paramref name="segment"/> (the map step).</summary>
    private static JourneyKpiPartial Map(EventLogSegment segment, Plan plan) => new(plan, [Chunk.Map(segment.Log, segment.CaseKeys.ToArray(), plan)]);

    /// <summary>One partial of <paramref name="partials"/>, all of <paramref name="plan"/> (none gives the empty partial).</summary>
    private static JourneyKpiPartial Merge(Plan plan, IReadOnlyList<JourneyKpiPartial> partials)
    {
        var count = 0;
        foreach (var partial in partials)
        {
            if (!ReferenceEquals(partial._plan, plan))
            {
                throw new ArgumentException("Partials of different journeys or segment attributes do not merge.", nameof(partials));
            }

            count += partial._chunks.Length;
        }

        var chunks = new Chunk[count];
        var at = 0;
        foreach (var partial in partials)
        {
            partial._chunks.CopyTo(chunks, at);
            at += partial._chunks.Length;
        }

        return new JourneyKpiPartial(plan, chunks);
    }

    /// <summary>The journey, its checked KPIs and the aggregates of each custom one: what every map and the finish share.</summary>
    private sealed class Plan
    {
        public Plan(DesignedJourney journey, string? by)
        {
            ArgumentNullException.ThrowIfNull(journey);
            Journey = journey;
            SegmentBy = JourneyKpis.SegmentBy(by);
            Definitions = KpiEngine.Validate([.. journey.Kpis], journey);
            Aggregates = new List<AggregateNode>[Definitions.Count];
            for (var k = 0; k < Definitions.Count; k++)
            {
                Aggregates[k] = Definitions[k].Expression?.Aggregates() ?? [];
            }
        }

        public DesignedJourney Journey { get; }

        public string? SegmentBy { get; }

        public List<KpiDefinition> Definitions { get; }

        public List<AggregateNode>[] Aggregates { get; }
    }
}
