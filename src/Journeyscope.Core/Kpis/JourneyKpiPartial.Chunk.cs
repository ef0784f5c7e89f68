using Journeyscope.EventLogs;

namespace Journeyscope.Kpis;

/// <summary>The map step: what one segment's cases contribute to every KPI.</summary>
public sealed partial class JourneyKpiPartial
{
    /// <summary>Kinds whose observations read the as-of moment; they are mapped without it and completed at the finish.</summary>
    private const string Retention = "retention-rate";

    private const string Churn = "churn-rate";

    private const string Inactivity = "inactivity";

    /// <summary>The cases of one segment, in its order: keys, ids, times, labels, and per KPI their contributions.</summary>
    private sealed class Chunk
    {
        private Chunk(TimeBasis timeBasis, long[] keys, string[] ids, long[] first, long[] last, string[]? labels, Contribution[] kpis)
        {
            TimeBasis = timeBasis;
            Keys = keys;
            Ids = ids;
            First = first;
            Last = last;
            Labels = labels;
            Kpis = kpis;
        }

        public TimeBasis TimeBasis { get; }

        public long[] Keys { get; }

        public string[] Ids { get; }

        /// <summary>Per case, its first event's time; <see cref="long.MaxValue"/> without events.</summary>
        public long[] First { get; }

        /// <summary>Per case, its last event's time; <see cref="long.MinValue"/> without events.</summary>
        public long[] Last { get; }

        public string[]? Labels { get; }

        public Contribution[] Kpis { get; }

        public static Chunk Map(EventLog log, long[] keys, Plan plan)
        {
            var cases = log.CaseCount;
            var ids = new string[cases];
            var first = new long[cases];
            var last = new long[cases];
            var timestamps = log.Timestamps;
            for (var c = 0; c < cases; c++)
            {
                ids[c] = log.CaseIds[c];
                int start = log.CaseStart(c), end = log.CaseStart(c + 1);
                first[c] = end > start ? timestamps[start] : long.MaxValue;
                last[c] = end > start ? timestamps[end - 1] : long.MinValue;
            }

            string[]? labels = null;
            if (plan.SegmentBy is { } by)
            {
                labels = [.. KpiSegments.Create(log, by).CaseLabels];
            }

            var kpis = new Contribution[plan.Definitions.Count];
            for (var k = 0; k < kpis.Length; k++)
            {
                kpis[k] = Contribution.Map(log, plan, k);
            }

            return new Chunk(log.TimeBasis, keys, ids, first, last, labels, kpis);
        }
    }

    /// <summary>
    /// What the cases of a chunk contribute to one KPI: a built-in kind's observations in case order (case indexes of the
    /// chunk) with each case's first one, its data checks and ignored answers; or the items of a custom KPI's aggregates.
    /// </summary>
    private sealed class Contribution
    {
        private Contribution(KpiObservation[] observations, int[] starts, (string Note, bool Failed)[] checks, int ignored, AggregateItems[] items)
        {
            Observations = observations;
            Starts = starts;
            Checks = checks;
            Ignored = ignored;
            Items = items;
        }

        public KpiObservation[] Observations { get; }

        /// <summary>Per case, the index of its first observation; one more entry than cases.</summary>
        public int[] Starts { get; }

        public (string Note, bool Failed)[] Checks { get; }

        public int Ignored { get; }

        public AggregateItems[] Items { get; }

        public static Contribution Map(EventLog log, Plan plan, int k)
        {
            var definition = plan.Definitions[k];
            if (definition.Kind is not { } kind)
            {
                var context = new ExpressionContext(log, plan.Journey);
                var aggregates = plan.Aggregates[k];
                var items = new AggregateItems[aggregates.Count];
                for (var a = 0; a < items.Length; a++)
                {
                    items[a] = aggregates[a].Collect(context, definition.Expression!.Text);
                }

                return new Contribution([], [], [], 0, items);
            }

            // Retention is observed as if every window were over (the finish drops those still open at the as-of moment);
            // churn without inactivity (the finish adds inactivity against the as-of moment).
            var kpi = definition.Kpi;
            if (kind.Id == Churn && kpi.Parameters.ContainsKey(Inactivity))
            {
                var parameters = new Dictionary<string, string>(kpi.Parameters, StringComparer.Ordinal);
                parameters.Remove(Inactivity);
                kpi = kpi with { Parameters = parameters };
            }

            var observer = new KpiContext(log, plan.Journey, kpi, kind, KpiOptions.Default, kind.Id == Retention ? long.MaxValue : long.MinValue);
            var observations = new List<KpiObservation>();
            kind.Observe!(observer, observations);
            var starts = new int[log.CaseCount + 1];
            var at = 0;
            for (var c = 0; c < log.CaseCount; c++)
            {
                starts[c] = at;
                while (at < observations.Count && observations[at].Case == c)
                {
                    at++;
                }
            }

            starts[log.CaseCount] = at;
            if (at != observations.Count)
            {
                // The finish concatenates cases in key order; that is the whole log's observation order only if each case's are together.
                throw new InvalidOperationException($"The observer of {kind.Id} does not add the observations of each case together, cases in order.");
            }

            return new Contribution([.. observations], starts, [.. observer.Checks], observer.Ignored, []);
        }
    }
}
