using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Kpis;

namespace Journeyscope.Voc;

/// <summary>Survey results, comment sentiment and the moments that matter, from survey answers and comments recorded as events.</summary>
/// <remarks>
/// Answers are the numeric <see cref="VocOptions.ScoreAttribute"/> values; each activity with answers is a survey whose
/// scale comes from the options, else its name (containing <c>nps</c>/<c>promoter</c>/<c>recommend</c>, <c>csat</c>/<c>satisf</c>,
/// <c>ces</c>/<c>effort</c>), else the range of its answers (1-5 CSAT, 1-7 CES, 0-10 NPS). Moments: over the surveyed cases,
/// each activity that is not a survey (and each touchpoint of the journey that is not only survey answers) is compared by presence, by rework (twice or
/// more) and by a long wait before it; the interval of the difference of unhappy shares is the normal approximation
/// <c>±1.96·sqrt(p1(1−p1)/n1 + p2(1−p2)/n2)</c>. O(events + activities × cases).
/// </remarks>
public static class VocAnalysis
{
    private const double Z95 = 1.959963984540054;

    /// <summary>Analyses the survey answers and comments of <paramref name="log"/>.</summary>
    public static VocReport Analyze(EventLog log, VocOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        options ??= VocOptions.Default;
        var scores = new NumericReader(EventAttributeFilter.Column(log, options.ScoreAttribute));
        var higherIsBetter = options.EffectiveCesDirection == ScoreDirection.HigherIsBetter;
        var surveys = Surveys(log, scores, options, out var scales);
        cancellationToken.ThrowIfCancellationRequested();
        var sentiment = Sentiment(log, options);
        cancellationToken.ThrowIfCancellationRequested();

        // A case is surveyed when it has an answer, unhappy when one of its answers is on the bad side of its scale.
        var surveyed = new bool[log.CaseCount];
        var unhappy = new bool[log.CaseCount];
        var activities = log.Activities;
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
            {
                if (scales[activities[e]] is { } scale && scores.TryGet(e, out var answer))
                {
                    surveyed[c] = true;
                    unhappy[c] |= Classify(scale, answer, higherIsBetter).Bad;
                }
            }
        }

        var moments = Moments(log, options, scales, surveyed, unhappy, cancellationToken);
        return new VocReport(surveys, sentiment, surveyed.Count(s => s), unhappy.Count(u => u), moments);
    }

    /// <summary>Which scale an activity's answers are on, from its name or the range of the answers.</summary>
    public static SurveyScale DetectScale(string activity, double min, double max, bool integers)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var name = activity.ToLowerInvariant();
        if (name.Contains("nps", StringComparison.Ordinal) || name.Contains("promoter", StringComparison.Ordinal) || name.Contains("recommend", StringComparison.Ordinal))
        {
            return SurveyScale.Nps;
        }

        if (name.Contains("csat", StringComparison.Ordinal) || name.Contains("satisf", StringComparison.Ordinal))
        {
            return SurveyScale.Csat;
        }

        if (name.Contains("ces", StringComparison.Ordinal) || name.Contains("effort", StringComparison.Ordinal))
        {
            return SurveyScale.Ces;
        }

        return !integers ? SurveyScale.Other
            : min >= 1 && max <= 5 ? SurveyScale.Csat
            : min >= 1 && max <= 7 ? SurveyScale.Ces
            : min >= 0 && max <= 10 ? SurveyScale.Nps
            : SurveyScale.Other;
    }

    private static List<SurveySummary> Surveys(EventLog log, NumericReader scores, VocOptions options, out SurveyScale?[] scales)
    {
        var count = new int[log.ActivityCount];
        var sum = new double[log.ActivityCount];
        var min = new double[log.ActivityCount];
        var max = new double[log.ActivityCount];
        var integers = new bool[log.ActivityCount];
        Array.Fill(min, double.PositiveInfinity);
        Array.Fill(max, double.NegativeInfinity);
        Array.Fill(integers, true);
        var activities = log.Activities;
        for (var e = 0; e < log.EventCount; e++)
        {
            if (scores.TryGet(e, out var value))
            {
                var a = activities[e];
                count[a]++;
                sum[a] += value;
                min[a] = Math.Min(min[a], value);
                max[a] = Math.Max(max[a], value);
                integers[a] &= value == Math.Floor(value);
            }
        }

        var higherIsBetter = options.EffectiveCesDirection == ScoreDirection.HigherIsBetter;
        scales = new SurveyScale?[log.ActivityCount];
        for (var a = 0; a < scales.Length; a++)
        {
            if (count[a] > 0)
            {
                var name = log.ActivityNames[a];
                scales[a] = options.Scales.TryGetValue(name, out var given) ? given : DetectScale(name, min[a], max[a], integers[a]);
            }
        }

        var positive = new int[log.ActivityCount];
        var middle = new int[log.ActivityCount];
        var negative = new int[log.ActivityCount];
        for (var e = 0; e < log.EventCount; e++)
        {
            if (scales[activities[e]] is { } scale && scores.TryGet(e, out var v))
            {
                var a = activities[e];
                var (good, bad) = Classify(scale, v, higherIsBetter);
                positive[a] += good ? 1 : 0;
                negative[a] += bad ? 1 : 0;
                middle[a] += !good && !bad && scale != SurveyScale.Other ? 1 : 0;
            }
        }

        var summaries = new List<SurveySummary>();
        for (var a = 0; a < scales.Length; a++)
        {
            if (scales[a] is not { } scale)
            {
                continue;
            }

            summaries.Add(Summary(log.ActivityNames[a], scale, count[a], sum[a], positive[a], middle[a], negative[a]));
        }

        summaries.Sort(CompareSurveys);
        return summaries;
    }

    private static SentimentSummary Sentiment(EventLog log, VocOptions options)
    {
        if (EventAttributeFilter.Column(log, options.CommentAttribute) is not StringColumn comments)
        {
            return new SentimentSummary(0, 0, 0, 0, 0);
        }

        // Score each distinct text once: surveys repeat short comments often.
        var scorer = options.Sentiment ?? LexiconSentimentScorer.Default;
        var byCode = new SentimentScore?[comments.Dictionary.Count];
        int total = 0, positive = 0, neutral = 0, negative = 0;
        double sum = 0;
        var codes = comments.Codes;
        for (var e = 0; e < codes.Length; e++)
        {
            var code = codes[e];
            if (code < 0 || string.IsNullOrWhiteSpace(comments.Dictionary[code]))
            {
                continue;
            }

            var score = byCode[code] ??= scorer.Score(comments.Dictionary[code]);
            total++;
            sum += score.Compound;
            positive += score.Label == SentimentLabel.Positive ? 1 : 0;
            neutral += score.Label == SentimentLabel.Neutral ? 1 : 0;
            negative += score.Label == SentimentLabel.Negative ? 1 : 0;
        }

        return new SentimentSummary(total, positive, neutral, negative, total == 0 ? 0 : sum / total);
    }

    private static List<MomentThatMatters> Moments(
        EventLog log, VocOptions options, SurveyScale?[] scales, bool[] surveyed, bool[] unhappy, CancellationToken cancellationToken)
    {
        var activities = log.Activities;
        var timestamps = log.Timestamps;
        var activityCount = log.ActivityCount;
        var thresholds = WaitThresholds(log, options);

        // Per surveyed case: which activities it has, has twice or more, and waited long before.
        var present = new int[activityCount];
        var rework = new int[activityCount];
        var waited = new int[activityCount];
        var presentUnhappy = new int[activityCount];
        var reworkUnhappy = new int[activityCount];
        var waitedUnhappy = new int[activityCount];
        var seen = new int[activityCount];
        var longWait = new bool[activityCount];
        int population = 0, populationUnhappy = 0;
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (!surveyed[c])
            {
                continue;
            }

            population++;
            populationUnhappy += unhappy[c] ? 1 : 0;
            Array.Clear(seen);
            Array.Clear(longWait);
            int start = log.CaseStart(c), end = log.CaseStart(c + 1);
            for (var e = start; e < end; e++)
            {
                var a = activities[e];
                seen[a]++;
                if (e > start && timestamps[e] - timestamps[e - 1] >= thresholds[a])
                {
                    longWait[a] = true;
                }
            }

            for (var a = 0; a < activityCount; a++)
            {
                var bad = unhappy[c] ? 1 : 0;
                if (seen[a] > 0)
                {
                    present[a]++;
                    presentUnhappy[a] += bad;
                }

                if (seen[a] > 1)
                {
                    rework[a]++;
                    reworkUnhappy[a] += bad;
                }

                if (longWait[a])
                {
                    waited[a]++;
                    waitedUnhappy[a] += bad;
                }
            }
        }

        var moments = new List<MomentThatMatters>();
        for (var a = 0; a < activityCount; a++)
        {
            if (scales[a] is not null)
            {
                continue;
            }

            var name = log.ActivityNames[a];
            Add(moments, options, "activity", name, present[a], presentUnhappy[a], population, populationUnhappy);
            Add(moments, options, "rework", name, rework[a], reworkUnhappy[a], population, populationUnhappy);
            Add(moments, options, "wait", name, waited[a], waitedUnhappy[a], population, populationUnhappy);
        }

        foreach (var touchpoint in options.Journey?.Touchpoints ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mask = JourneyEventMatcher.Match(log, options.Journey!, touchpoint);
            if (OnlySurveys(mask, activities, scales))
            {
                // A survey touchpoint is where the answer is recorded, not an experience that explains it.
                continue;
            }

            int with = 0, withUnhappy = 0;
            for (var c = 0; c < log.CaseCount; c++)
            {
                int start = log.CaseStart(c), end = log.CaseStart(c + 1);
                if (surveyed[c] && Array.IndexOf(mask, true, start, end - start) >= 0)
                {
                    with++;
                    withUnhappy += unhappy[c] ? 1 : 0;
                }
            }

            Add(moments, options, "touchpoint", touchpoint.Id, with, withUnhappy, population, populationUnhappy);
        }

        moments.Sort(CompareMoments);
        return moments;
    }

    /// <summary>Most answers first, ties by activity name: the order does not depend on how the log numbers its activities.</summary>
    internal static int CompareSurveys(SurveySummary x, SurveySummary y)
    {
        var byResponses = y.Responses.CompareTo(x.Responses);
        return byResponses != 0 ? byResponses : string.CompareOrdinal(x.Activity, y.Activity);
    }

    /// <summary>Highest lower bound first, ties by kind then name: the order does not depend on how the log numbers its activities.</summary>
    internal static int CompareMoments(MomentThatMatters x, MomentThatMatters y)
    {
        var byLower = y.Lower.CompareTo(x.Lower);
        if (byLower != 0)
        {
            return byLower;
        }

        var byKind = string.CompareOrdinal(x.Kind, y.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(x.Name, y.Name);
    }

    /// <summary>True when every event of <paramref name="mask"/> is a survey answer (and there is at least one).</summary>
    private static bool OnlySurveys(bool[] mask, ReadOnlySpan<int> activities, SurveyScale?[] scales)
    {
        var any = false;
        for (var e = 0; e < mask.Length; e++)
        {
            if (mask[e])
            {
                if (scales[activities[e]] is null)
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    /// <summary>Adds the moment of <paramref name="with"/> surveyed cases when both sides have enough cases.</summary>
    internal static void Add(List<MomentThatMatters> moments, VocOptions options, string kind, string name, int with, int withUnhappy, int population, int populationUnhappy)
    {
        var without = population - with;
        if (with < options.MinimumCases || without < options.MinimumCases)
        {
            return;
        }

        var p1 = (double)withUnhappy / with;
        var p2 = (double)(populationUnhappy - withUnhappy) / without;
        var half = Z95 * Math.Sqrt((p1 * (1 - p1) / with) + (p2 * (1 - p2) / without));
        var lift = p2 == 0 ? (p1 == 0 ? 1 : double.PositiveInfinity) : p1 / p2;
        moments.Add(new MomentThatMatters(kind, name, with, without, p1, p2, lift, p1 - p2, p1 - p2 - half, p1 - p2 + half));
    }

    /// <summary>
    /// The long-wait threshold per activity (a wait at least this long is long): the option, or the 90th percentile of the
    /// waits before that activity when it exceeds their median (otherwise no wait before it counts as long).
    /// </summary>
    private static long[] WaitThresholds(EventLog log, VocOptions options)
    {
        var thresholds = new long[log.ActivityCount];
        if (options.LongWait is { } fixedWait)
        {
            Array.Fill(thresholds, fixedWait.Ticks);
            return thresholds;
        }

        var waits = new List<long>[log.ActivityCount];
        for (var a = 0; a < waits.Length; a++)
        {
            waits[a] = [];
        }

        var activities = log.Activities;
        var timestamps = log.Timestamps;
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.CaseStart(c) + 1; e < log.CaseStart(c + 1); e++)
            {
                waits[activities[e]].Add(timestamps[e] - timestamps[e - 1]);
            }
        }

        for (var a = 0; a < waits.Length; a++)
        {
            var list = waits[a];
            thresholds[a] = Threshold(list);
        }

        return thresholds;
    }

    /// <summary>The long-wait threshold of the waits before one activity (sorted here): long.MaxValue when none is long.</summary>
    internal static long Threshold(List<long> waits)
    {
        if (waits.Count == 0)
        {
            return long.MaxValue;
        }

        // At least the 90th percentile and more than the median, so that ties with the typical wait are not long.
        waits.Sort();
        var p90 = waits[(int)Math.Ceiling(0.9 * waits.Count) - 1];
        var median = waits[(int)Math.Ceiling(0.5 * waits.Count) - 1];
        return p90 > median ? p90 : long.MaxValue;
    }

    /// <summary>Whether an answer on <paramref name="scale"/> is on its good and on its bad side.</summary>
    internal static (bool Good, bool Bad) Classify(SurveyScale scale, double v, bool higherIsBetter) => scale switch
    {
        SurveyScale.Nps => (v >= 9, v <= 6),
        SurveyScale.Csat => (v >= 4, v <= 2),
        SurveyScale.Ces => higherIsBetter ? (v >= 5, v <= 3) : (v <= 3, v >= 5),
        _ => (false, false),
    };

    /// <summary>The summary of a survey's <paramref name="n"/> answers summing to <paramref name="sum"/>, with its headline.</summary>
    internal static SurveySummary Summary(string activity, SurveyScale scale, int n, double sum, int positive, int middle, int negative)
    {
        var mean = sum / n;
        var headline = scale switch
        {
            SurveyScale.Nps => 100.0 * (positive - negative) / n,
            SurveyScale.Csat => (double)positive / n,
            _ => mean,
        };
        return new SurveySummary(activity, scale, n, mean, positive, middle, negative, headline);
    }
}
