using Journeyscope.EventLogs;

namespace Journeyscope.Kpis;

/// <summary>The finish: the cases in key order, the as-of moment of all of them, then the engine's own summaries and tree.</summary>
public sealed partial class JourneyKpiPartial
{
    /// <summary>
    /// Every KPI overall, per <paramref name="period"/> and (with <see cref="SegmentBy"/>) per segment: equal to
    /// <see cref="JourneyKpis.Compute"/> of the covered cases in key order.
    /// </summary>
    public JourneyKpis Finish(long version, KpiPeriod period = JourneyKpis.DefaultPeriod, CancellationToken cancellationToken = default)
    {
        var journey = _plan.Journey;
        if (journey.Kpis.Count == 0)
        {
            return new JourneyKpis(journey.Id, TimeBasis, version, CaseCount, period, SegmentBy, []);
        }

        var cases = Order();
        var trend = Report(cases, JourneyKpis.TrendOptions(period), cancellationToken);
        var segments = SegmentBy is null ? null : Report(cases, JourneyKpis.SegmentOptions(SegmentBy), cancellationToken);
        return JourneyKpis.From(journey, TimeBasis, version, period, SegmentBy, trend, segments);
    }

    /// <summary>The KPI tree with its seeded bootstrap: equal to <see cref="JourneyKpiTree.Compute"/> of the covered cases in key order.</summary>
    public JourneyKpiTree FinishTree(long version, CancellationToken cancellationToken = default)
    {
        var journey = _plan.Journey;
        if (journey.Kpis.Count == 0)
        {
            return new JourneyKpiTree(journey.Id, TimeBasis, version, CaseCount, []);
        }

        return JourneyKpiTree.From(journey, TimeBasis, version, Report(Order(), JourneyKpiTree.Options, cancellationToken));
    }

    /// <summary>
    /// The engine's report over the covered cases with <paramref name="options"/>: equal to <see cref="KpiEngine.Compute(EventLog, Journeys.DesignedJourney, KpiOptions?, CancellationToken)"/>
    /// of them in key order. Period, as-of moment, tree and bootstrap are the finish's to choose; filters, the sentiment
    /// scorer and the segment attribute were the map's.
    /// </summary>
    /// <exception cref="ArgumentException">The options filter, change the scorer, or segment by another attribute than the partial.</exception>
    public KpiReport Report(KpiOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Filters.Count > 0 || options.Sentiment is not null || (options.SegmentBy is { } by && !string.Equals(by, SegmentBy, StringComparison.Ordinal)))
        {
            throw new ArgumentException("A partial's filters, sentiment scorer and segment attribute are fixed when it is mapped.", nameof(options));
        }

        return Report(Order(), options, cancellationToken);
    }

    private KpiReport Report(Cases cases, KpiOptions options, CancellationToken cancellationToken)
    {
        var asOf = KpiEngine.FixedAsOf(TimeBasis, options) ?? cases.Latest;
        var segments = options.SegmentBy is null ? null : KpiSegments.FromLabels(cases.Labels!);
        var measures = new List<KpiMeasure>(_plan.Definitions.Count);
        var results = new List<KpiResult>(_plan.Definitions.Count);
        for (var k = 0; k < _plan.Definitions.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var measure = Measure(cases, k, asOf);
            measures.Add(measure);
            results.Add(measure.Summarise(options.Period, segments));
        }

        var tree = options.Associations ? KpiTree.Measure(cases.Ids, measures, options, cancellationToken) : [];
        return new KpiReport(results, tree, cases.Count);
    }

    /// <summary>KPI <paramref name="k"/> over the cases in key order, completed with the as-of moment.</summary>
    private KpiMeasure Measure(Cases cases, int k, long asOf)
    {
        var definition = _plan.Definitions[k];
        var chunks = cases.Chunks;
        if (definition.Kind is not { } kind)
        {
            var aggregates = _plan.Aggregates[k];
            var items = new Dictionary<AggregateNode, AggregateItems>(aggregates.Count, ReferenceEqualityComparer.Instance);
            for (var a = 0; a < aggregates.Count; a++)
            {
                items[aggregates[a]] = Concatenate(cases, k, a);
            }

            return KpiMeasure.Expressed(cases.Count, definition, new ExpressionContext(items, cases.First, cases.Last), asOf);
        }

        var window = kind.Id == Retention ? KpiContext.Duration(definition.Kpi, kind, "within")!.Value.Ticks : (long?)null;
        var inactivity = kind.Id == Churn ? KpiContext.Duration(definition.Kpi, kind, Inactivity)?.Ticks : null;
        var total = 0;
        foreach (var chunk in chunks)
        {
            total += chunk.Kpis[k].Observations.Length;
        }

        var observations = new List<KpiObservation>(total);
        for (var g = 0; g < cases.Count; g++)
        {
            var part = chunks[cases.Chunk[g]].Kpis[k];
            var local = cases.Local[g];
            for (var i = part.Starts[local]; i < part.Starts[local + 1]; i++)
            {
                var o = part.Observations[i];
                o.Case = g;
                if (window is { } w && o.Time + w > asOf)
                {
                    continue;
                }

                if (inactivity is { } gap && asOf - cases.Last[g] >= gap)
                {
                    o.A = 1;
                }

                observations.Add(o);
            }
        }

        return KpiMeasure.Observed(cases.Count, definition, observations, asOf, Notes(chunks, k));
    }

    /// <summary>The notes of KPI <paramref name="k"/>: a check fails in the whole log when it fails in every chunk; ignored answers add up.</summary>
    private static List<string> Notes(Chunk[] chunks, int k)
    {
        var checks = chunks[0].Kpis[k].Checks;
        var notes = new List<string>();
        var ignored = 0;
        foreach (var chunk in chunks)
        {
            ignored += chunk.Kpis[k].Ignored;
        }

        for (var i = 0; i < checks.Length; i++)
        {
            var failed = true;
            foreach (var chunk in chunks)
            {
                failed &= chunk.Kpis[k].Checks[i].Failed;
            }

            if (failed)
            {
                notes.Add(checks[i].Note);
            }
        }

        if (ignored > 0)
        {
            notes.Add(KpiContext.IgnoredNote(ignored));
        }

        return notes;
    }

    /// <summary>The items of aggregate <paramref name="a"/> of KPI <paramref name="k"/>, case by case in key order.</summary>
    private static AggregateItems Concatenate(Cases cases, int k, int a)
    {
        var chunks = cases.Chunks;
        var starts = new int[cases.Count + 1];
        var total = 0;
        for (var g = 0; g < cases.Count; g++)
        {
            var part = chunks[cases.Chunk[g]].Kpis[k].Items[a];
            starts[g] = total;
            total += part.Starts[cases.Local[g] + 1] - part.Starts[cases.Local[g]];
        }

        starts[cases.Count] = total;
        var times = new long[total];
        var values = new double[total];
        for (var g = 0; g < cases.Count; g++)
        {
            var part = chunks[cases.Chunk[g]].Kpis[k].Items[a];
            var from = part.Starts[cases.Local[g]];
            var length = starts[g + 1] - starts[g];
            Array.Copy(part.Times, from, times, starts[g], length);
            Array.Copy(part.Values, from, values, starts[g], length);
        }

        return new AggregateItems(starts, times, values);
    }

    /// <summary>Every covered case in key order: where its contributions are, and its id, times and label.</summary>
    private Cases Order()
    {
        // Without any mapped segment, an empty log gives the checks (and so the notes) of a log without events.
        var chunks = _chunks.Length > 0 ? _chunks : [Chunk.Map(new EventLogBuilder().Build(), [], _plan)];
        var count = CaseCount;
        var keys = new long[count];
        var flat = new int[count];
        var at = 0;
        for (var ch = 0; ch < chunks.Length; ch++)
        {
            foreach (var key in chunks[ch].Keys)
            {
                keys[at] = key;
                flat[at] = at;
                at++;
            }
        }

        Array.Sort(keys, flat);
        var chunkOf = new int[count];
        var localOf = new int[count];
        at = 0;
        for (var ch = 0; ch < chunks.Length; ch++)
        {
            for (var l = 0; l < chunks[ch].Keys.Length; l++)
            {
                (chunkOf[at], localOf[at]) = (ch, l);
                at++;
            }
        }

        var cases = new Cases(chunks, count, SegmentBy is not null);
        for (var g = 0; g < count; g++)
        {
            var (ch, l) = (chunkOf[flat[g]], localOf[flat[g]]);
            var chunk = chunks[ch];
            cases.Chunk[g] = ch;
            cases.Local[g] = l;
            cases.Ids[g] = chunk.Ids[l];
            cases.First[g] = chunk.First[l];
            cases.Last[g] = chunk.Last[l];
            cases.Latest = Math.Max(cases.Latest, chunk.Last[l]);
            if (cases.Labels is { } labels)
            {
                labels[g] = chunk.Labels![l];
            }
        }

        return cases;
    }

    /// <summary>The covered cases in key order (index g): their chunk and index in it, id, first and last time, label.</summary>
    private sealed class Cases(Chunk[] chunks, int count, bool labelled)
    {
        public Chunk[] Chunks { get; } = chunks;

        public int Count { get; } = count;

        public int[] Chunk { get; } = new int[count];

        public int[] Local { get; } = new int[count];

        public string[] Ids { get; } = new string[count];

        public long[] First { get; } = new long[count];

        public long[] Last { get; } = new long[count];

        public string[]? Labels { get; } = labelled ? new string[count] : null;

        /// <summary>The last event time of all cases: the as-of moment when the options fix none (<see cref="long.MinValue"/> without events).</summary>
        public long Latest { get; set; } = long.MinValue;
    }
}
