using System.Globalization;
using System.Text.Json;
using Journeyscope.Conformance;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Partitions;
using Journeyscope.Performance;
using Journeyscope.Server.Services;
using Journeyscope.Voc;

namespace Journeyscope.Server.Api;

/// <summary>
/// The answers a followed workspace's whole log (no filter, UTC) gets without a whole-log analysis: the variants from the
/// live snapshot (<see cref="LiveLogCache"/>), and the analyses with parameters from partials of the partitioned log
/// (<see cref="LivePartialAnswer{TPartial, TResult}"/>, one cache per parameter set: funnels, throughput, performance and
/// bottlenecks, journey conformance, journey KPIs and the KPI tree, the voice of the customer). Filtered requests, other
/// time bases and the figures no partial holds (summary, process map) go through <see cref="EventLogCache"/>.
/// </summary>
/// <remarks>
/// Adding an analysis whose partial has a <c>Cache(parameters)</c>: a method here giving its key (the analysis and every
/// parameter the partial depends on), its cache and its finish into the record the store path returns, and in its endpoint
/// a branch that asks <see cref="AnswerAsync"/> before the store path (the funnel's, whose request is read against the
/// log's names first, asks <see cref="LiveLogCache.GetIfFollowedAsync"/> then <see cref="LiveLogCache.Answer"/> itself;
/// docs/web.md#which-path-answers-what-live-workspaces). A journey is part of a key by its id and the version of its text
/// (<see cref="JourneyEndpoints.ReadValidWithVersionAsync"/>), so an edited journey gets a cache of its own.
/// </remarks>
internal static class LiveAnswers
{
    /// <summary>Whether a request with <paramref name="filters"/> in <paramref name="timeBasis"/> asks for the whole log in UTC.</summary>
    public static bool IsWholeLog(IReadOnlyCollection<string>? filters, string? timeBasis) =>
        (filters is null || filters.Count == 0) && LogQuery.ParseTimeBasis(timeBasis) == TimeBasis.Utc;

    /// <summary>
    /// The answer from partials when the request (<paramref name="filters"/>, <paramref name="timeBasis"/>) asks for the whole
    /// log in UTC of a followed workspace; null otherwise, and when <paramref name="answer"/> gives null for the log (a name
    /// it does not know: the store path answers, with its error).
    /// </summary>
    /// <remarks>The partials are computed off the request thread.</remarks>
    public static async Task<TResult?> AnswerAsync<TPartial, TResult>(
        LiveLogCache live, string ws, IReadOnlyCollection<string>? filters, string? timeBasis,
        Func<PartitionedEventLog, LivePartialAnswer<TPartial, TResult>?> answer, CancellationToken cancellationToken)
        where TPartial : class
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(answer);
        if (!IsWholeLog(filters, timeBasis)
            || await live.GetIfFollowedAsync(ws, cancellationToken).ConfigureAwait(false) is not { } followed
            || answer(followed.Log) is not { } partials)
        {
            return null;
        }

        return await Task.Run(() => live.Answer(ws, followed.Log, partials, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <paramref name="top"/> most frequent variants of <paramref name="live"/>: what <see cref="VariantsResult.From"/> gives for the same log.</summary>
    public static VariantsResult Variants(LiveSnapshot live, int top)
    {
        ArgumentNullException.ThrowIfNull(live);
        var variants = live.Snapshot.Variants;
        var shown = new List<VariantSummary>(Math.Min(top, variants.Count));
        for (var v = 0; v < variants.Count && v < top; v++)
        {
            var variant = variants[v];
            shown.Add(new VariantSummary(variant.Rank, variant.CaseCount, variant.Share, variant.CumulativeCoverage,
                variant.MeanDurationSeconds, variant.MedianDurationSeconds, variant.Activities, variant.ExampleCaseIds));
        }

        return new VariantsResult(TimeBasis.Utc, live.Version, variants.Count, live.Snapshot.Kpis.Cases, shown);
    }

    /// <summary>
    /// The activity names of <paramref name="log"/>, each once, in no particular order: enough to accept a request's names
    /// (a request naming an unknown one goes the store path, whose error lists the names in the store's order).
    /// </summary>
    public static IReadOnlyList<string> ActivityNames(PartitionedEventLog log) => Names(log, static segmentLog => segmentLog.ActivityNames);

    /// <summary>The event attribute names of <paramref name="log"/>: the columns a whole log assembled from it has.</summary>
    public static HashSet<string> EventAttributeNames(PartitionedEventLog log)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Names(log, static segmentLog => segmentLog.EventAttributes.Select(c => c.Name)))
        {
            names.Add(name);
        }

        return names;
    }

    /// <summary>The funnel of <paramref name="definition"/>, one cache per definition.</summary>
    public static LivePartialAnswer<FunnelPartial, FunnelResult> Funnel(FunnelDefinition definition) =>
        new("funnel:" + FunnelKey(definition), () => FunnelPartial.Cache(definition), static (partial, _) => partial.Finish(), "funnel");

    /// <summary>Performance by period at <paramref name="granularity"/>: one cache serves both granularities (its partial is per day).</summary>
    public static LivePartialAnswer<ThroughputPartial, ThroughputReport> Throughput(Granularity granularity) =>
        new("throughput", static () => new PartialCache<ThroughputPartial>(ThroughputPartial.Map, ThroughputPartial.Merge),
            (partial, log) => ThroughputReport.From(partial.Finish(granularity), TimeBasis.Utc, log.Version, log.CaseCount), "throughput:" + granularity);

    /// <summary>
    /// The value stream by <paramref name="granularity"/> in the order of <paramref name="journey"/> (the dominant variant's
    /// when null; <paramref name="journeyVersion"/> is its text's version): what <see cref="PerformanceResult.Analyze"/> gives.
    /// </summary>
    public static LivePartialAnswer<PerformancePartial, PerformanceResult> Performance(
        DesignedJourney? journey, string? journeyVersion, Granularity granularity) =>
        new(PerformanceKey(journey, journeyVersion), () => PerformancePartial.Cache(ValueStreamOptions.Default, journey),
            (partial, log) => partial.Finish(log.Version, granularity), "performance:" + granularity);

    /// <summary>The <paramref name="top"/> hand-overs by waiting time; shares its cache with the performance without a journey.</summary>
    public static LivePartialAnswer<PerformancePartial, BottlenecksResult> Bottlenecks(int top) =>
        new(PerformanceKey(null, null), static () => PerformancePartial.Cache(ValueStreamOptions.Default),
            (partial, log) => partial.FinishBottlenecks(log.Version, top), string.Create(CultureInfo.InvariantCulture, $"bottlenecks:{top}"));

    /// <summary>
    /// The conformance of every case to <paramref name="journey"/>'s flow (text version <paramref name="journeyVersion"/>)
    /// with the <paramref name="patterns"/> most frequent deviation patterns: what <see cref="JourneyConformanceResult.From"/>
    /// of <see cref="JourneyConformance.Check"/> with <see cref="JourneyConformanceResult.Options"/> gives.
    /// </summary>
    public static LivePartialAnswer<DeviationPartial, JourneyConformanceResult> Conformance(
        DesignedJourney journey, string journeyVersion, int patterns, CancellationToken cancellationToken) =>
        new("conformance:" + JsonSerializer.Serialize(new object?[] { journey.Id, journeyVersion, patterns }),
            () => DeviationPartial.Cache(journey, JourneyConformanceResult.Options(patterns)),
            (partial, log) => partial.Finish(log.Version, cancellationToken), "conformance");

    /// <summary>
    /// The KPIs of <paramref name="journey"/> (text version <paramref name="journeyVersion"/>) per <paramref name="period"/>,
    /// segmented by <paramref name="by"/> when given: what <see cref="JourneyKpis.Compute"/> gives.
    /// </summary>
    /// <remarks>Making the cache throws <see cref="KpiException"/> for a misconfigured KPI, as the engine does.</remarks>
    public static LivePartialAnswer<JourneyKpiPartial, JourneyKpis> Kpis(
        DesignedJourney journey, string journeyVersion, string? by, KpiPeriod period, CancellationToken cancellationToken) =>
        new(KpiKey(journey, journeyVersion, by), () => JourneyKpiPartial.Cache(journey, by),
            (partial, log) => partial.Finish(log.Version, period, cancellationToken), "kpis:" + period);

    /// <summary>The KPI tree of <paramref name="journey"/>; shares its cache with the journey's KPIs without segments.</summary>
    public static LivePartialAnswer<JourneyKpiPartial, JourneyKpiTree> KpiTree(
        DesignedJourney journey, string journeyVersion, CancellationToken cancellationToken) =>
        new(KpiKey(journey, journeyVersion, null), () => JourneyKpiPartial.Cache(journey),
            (partial, log) => partial.FinishTree(log.Version, cancellationToken), "tree");

    /// <summary>Whether segments of the whole log assembled from <paramref name="log"/> can be made of <paramref name="name"/>.</summary>
    public static bool HasAttribute(PartitionedEventLog log, string name)
    {
        ArgumentNullException.ThrowIfNull(log);
        foreach (var partition in log.Partitions)
        {
            foreach (var segment in partition.Segments)
            {
                if (KpiEndpoints.HasAttribute(segment.Log, name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The voice of the customer with <paramref name="options"/> (the attributes and journey the endpoint sets;
    /// <paramref name="journeyVersion"/> is the journey text's version, so an edited journey gets a cache of its own),
    /// showing <paramref name="top"/> moments and <paramref name="examples"/> example comments of each sign.
    /// </summary>
    public static LivePartialAnswer<VocPartial, VocResult> Voc(VocOptions options, string? journeyVersion, int top, int examples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = JsonSerializer.Serialize(new[] { options.ScoreAttribute, options.CommentAttribute, options.Journey?.Id, journeyVersion });
        return new("voc:" + key, () => VocPartial.Cache(options), (partial, log) =>
        {
            var attributes = EventAttributeNames(log);
            return VocResult.From(TimeBasis.Utc, log.Version, checked((int)log.CaseCount), attributes.Contains, options,
                partial.Finish(cancellationToken), partial.FinishComments(examples), top);
        }, string.Create(CultureInfo.InvariantCulture, $"voc:{top}:{examples}"));
    }

    private static string PerformanceKey(DesignedJourney? journey, string? journeyVersion) =>
        "performance:" + JsonSerializer.Serialize(new[] { journey?.Id, journeyVersion });

    private static string KpiKey(DesignedJourney journey, string journeyVersion, string? by) =>
        "kpis:" + JsonSerializer.Serialize(new[] { journey.Id, journeyVersion, by });

    /// <summary>Everything a funnel's partial depends on, as text: steps, exclusions, windows, order and breakdown.</summary>
    private static string FunnelKey(FunnelDefinition definition) => JsonSerializer.Serialize(new
    {
        steps = definition.Steps.Select(Step).ToList(),
        exclusions = definition.Exclusions.Select(e => new { step = Step(e.Event), from = e.FromStep, to = e.ToStep }).ToList(),
        window = definition.Window?.Ticks,
        strict = definition.StrictOrder,
        breakdown = definition.Breakdown,
    });

    private static object Step(FunnelStep step) => new
    {
        activities = step.Activities,
        conditions = step.Conditions.Select(c => c.ToString()).ToList(),
        optional = step.IsOptional,
        window = step.Window?.Ticks,
    };

    private static List<string> Names(PartitionedEventLog log, Func<EventLog, IEnumerable<string>> of)
    {
        ArgumentNullException.ThrowIfNull(log);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var partition in log.Partitions)
        {
            foreach (var segment in partition.Segments)
            {
                foreach (var name in of(segment.Log))
                {
                    if (seen.Add(name))
                    {
                        names.Add(name);
                    }
                }
            }
        }

        return names;
    }
}
