using System.Runtime.InteropServices;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Kpis;
using Journeyscope.Partitions;

namespace Journeyscope.Voc;

/// <summary>
/// The mergeable partial of the voice of the customer over some cases, keyed by names so partials of different logs
/// merge: per case with answers or comments, its key in the whole log's order, its answers and comment scores in event
/// order and (when surveyed) what it did; per activity every wait before it (none with a fixed long wait); per comment text its occurrences and
/// first case; per touchpoint the activities it matched.
/// </summary>
/// <remarks>
/// Immutable once built. Scales, unhappy answers and long waits depend on every case, so they are decided at the finish;
/// sums run over the cases in key order, so <see cref="Finish"/> equals <see cref="VocAnalysis.Analyze"/> of the
/// whole log to the bit, whatever the partitioning. Touchpoint rules and the scorer must be event-local (they are).
/// O(events) to map, O(answers + comments + waits) to merge and finish.
/// </remarks>
public sealed partial class VocPartial
{
    private readonly CaseRow[] _cases;
    private readonly Dictionary<string, List<long>> _waits;
    private readonly Dictionary<string, CommentTally> _comments;
    private readonly HashSet<string>[] _touchpointActivities;

    private VocPartial(
        VocOptions options, CaseRow[] cases, Dictionary<string, List<long>> waits, Dictionary<string, CommentTally> comments,
        HashSet<string>[] touchpointActivities, int caseCount, SentimentCounts sentiment)
    {
        Options = options;
        _cases = cases;
        _waits = waits;
        _comments = comments;
        _touchpointActivities = touchpointActivities;
        CaseCount = caseCount;
        Sentiment = sentiment;
    }

    /// <summary>The options the partial was mapped with.</summary>
    public VocOptions Options { get; }

    /// <summary>Number of cases covered.</summary>
    public int CaseCount { get; }

    private SentimentCounts Sentiment { get; }

    /// <summary>A cache that maps and merges the analysis with <paramref name="options"/> over a partitioned log.</summary>
    public static PartialCache<VocPartial> Cache(VocOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PartialCache<VocPartial>(segment => Map(segment, options), partials => Merge(options, partials));
    }

    /// <summary>The partial of every case of <paramref name="segment"/> (the map step).</summary>
    public static VocPartial Map(EventLogSegment segment, VocOptions options)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(options);
        var log = segment.Log;
        var keys = segment.CaseKeys;
        var scores = new NumericReader(EventAttributeFilter.Column(log, options.ScoreAttribute));
        var comments = EventAttributeFilter.Column(log, options.CommentAttribute) as StringColumn;
        var scorer = options.Sentiment ?? LexiconSentimentScorer.Default;
        var byCode = comments is null ? [] : new SentimentScore?[comments.Dictionary.Count];
        var touchpoints = options.Journey?.Touchpoints ?? [];
        var masks = new bool[touchpoints.Count][];
        var touchpointActivities = new HashSet<string>[touchpoints.Count];
        for (var t = 0; t < masks.Length; t++)
        {
            masks[t] = JourneyEventMatcher.Match(log, options.Journey!, touchpoints[t]);
            touchpointActivities[t] = new HashSet<string>(StringComparer.Ordinal);
        }

        var names = log.ActivityNames;
        var activities = log.Activities;
        var timestamps = log.Timestamps;
        var waits = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var tallies = new Dictionary<string, CommentTally>(StringComparer.Ordinal);
        var sentiment = default(SentimentCounts);
        var rows = new List<CaseRow>();
        var answers = new List<Answer>();
        var compounds = new List<double>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            answers.Clear();
            compounds.Clear();
            int start = log.CaseStart(c), end = log.CaseStart(c + 1);
            for (var e = start; e < end; e++)
            {
                var name = names[activities[e]];
                // Every activity gets a list (the moments are per activity); the waits are kept only when they set the threshold.
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(waits, name, out _);
                list ??= [];
                if (e > start && options.LongWait is null)
                {
                    list.Add(timestamps[e] - timestamps[e - 1]);
                }

                if (scores.TryGet(e, out var value))
                {
                    answers.Add(new Answer(name, value));
                }

                for (var t = 0; t < masks.Length; t++)
                {
                    if (masks[t][e])
                    {
                        touchpointActivities[t].Add(name);
                    }
                }

                if (comments is not null && comments.Codes[e] is var code && code >= 0 && !string.IsNullOrWhiteSpace(comments.Dictionary[code]))
                {
                    var score = byCode[code] ??= scorer.Score(comments.Dictionary[code]);
                    compounds.Add(score.Compound);
                    sentiment = sentiment.Add(score.Label);
                    Tally(tallies, comments.Dictionary[code], keys[c], log.CaseIds[c], name);
                }
            }

            if (answers.Count > 0 || compounds.Count > 0)
            {
                rows.Add(new CaseRow(keys[c], [.. answers], [.. compounds], answers.Count > 0 ? Steps(log, c, masks) : null));
            }
        }

        return new VocPartial(options, [.. rows], waits, tallies, touchpointActivities, log.CaseCount, sentiment);
    }

    /// <summary>One partial of <paramref name="partials"/>, all mapped with <paramref name="options"/> (none gives the empty partial).</summary>
    /// <exception cref="ArgumentException">A partial was mapped with other options.</exception>
    public static VocPartial Merge(VocOptions options, IReadOnlyList<VocPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(partials);
        var touchpoints = options.Journey?.Touchpoints.Count ?? 0;
        var touchpointActivities = new HashSet<string>[touchpoints];
        for (var t = 0; t < touchpoints; t++)
        {
            touchpointActivities[t] = new HashSet<string>(StringComparer.Ordinal);
        }

        var rows = new List<CaseRow>();
        var waits = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var tallies = new Dictionary<string, CommentTally>(StringComparer.Ordinal);
        var sentiment = default(SentimentCounts);
        var cases = 0;
        foreach (var partial in partials)
        {
            if (!ReferenceEquals(partial.Options, options))
            {
                throw new ArgumentException("Partials mapped with different options do not merge.", nameof(partials));
            }

            rows.AddRange(partial._cases);
            cases += partial.CaseCount;
            sentiment = sentiment.Add(partial.Sentiment);
            foreach (var (name, list) in partial._waits)
            {
                ref var merged = ref CollectionsMarshal.GetValueRefOrAddDefault(waits, name, out _);
                merged ??= new List<long>(list.Count);
                merged.AddRange(list);
            }

            foreach (var (text, tally) in partial._comments)
            {
                tallies[text] = tallies.TryGetValue(text, out var other) ? other.With(tally) : tally;
            }

            for (var t = 0; t < touchpoints; t++)
            {
                touchpointActivities[t].UnionWith(partial._touchpointActivities[t]);
            }
        }

        return new VocPartial(options, [.. rows], waits, tallies, touchpointActivities, cases, sentiment);
    }

    private static void Tally(Dictionary<string, CommentTally> tallies, string text, long key, string caseId, string activity)
    {
        var here = new CommentTally(1, key, caseId, activity);
        tallies[text] = tallies.TryGetValue(text, out var tally) ? tally.With(here) : here;
    }

    /// <summary>What surveyed case <paramref name="c"/> did: per activity its events and longest wait before it, and the touchpoints it met.</summary>
    private static CaseSteps Steps(EventLog log, int c, bool[][] masks)
    {
        var names = log.ActivityNames;
        var activities = log.Activities;
        var timestamps = log.Timestamps;
        var steps = new Dictionary<string, (int Events, long LongestWait)>(StringComparer.Ordinal);
        var met = new bool[masks.Length];
        int start = log.CaseStart(c), end = log.CaseStart(c + 1);
        for (var e = start; e < end; e++)
        {
            var name = names[activities[e]];
            var wait = e > start ? timestamps[e] - timestamps[e - 1] : long.MinValue;
            steps[name] = steps.TryGetValue(name, out var seen) ? (seen.Events + 1, Math.Max(seen.LongestWait, wait)) : (1, wait);
            for (var t = 0; t < masks.Length; t++)
            {
                met[t] |= masks[t][e];
            }
        }

        return new CaseSteps(steps, met);
    }

    private readonly record struct Answer(string Activity, double Value);

    private sealed record CaseSteps(Dictionary<string, (int Events, long LongestWait)> Activities, bool[] Touchpoints);

    private sealed record CaseRow(long Key, Answer[] Answers, double[] Compounds, CaseSteps? Steps);

    /// <summary>A comment text: how many events carry it, and the first of them in the whole log's order.</summary>
    private readonly record struct CommentTally(int Occurrences, long FirstKey, string CaseId, string Activity)
    {
        public CommentTally With(CommentTally other) =>
            other.FirstKey < FirstKey
                ? other with { Occurrences = Occurrences + other.Occurrences }
                : this with { Occurrences = Occurrences + other.Occurrences };
    }

    private readonly record struct SentimentCounts(int Comments, int Positive, int Neutral, int Negative)
    {
        public SentimentCounts Add(SentimentLabel label) => new(
            Comments + 1,
            Positive + (label == SentimentLabel.Positive ? 1 : 0),
            Neutral + (label == SentimentLabel.Neutral ? 1 : 0),
            Negative + (label == SentimentLabel.Negative ? 1 : 0));

        public SentimentCounts Add(SentimentCounts other) =>
            new(Comments + other.Comments, Positive + other.Positive, Neutral + other.Neutral, Negative + other.Negative);
    }
}
