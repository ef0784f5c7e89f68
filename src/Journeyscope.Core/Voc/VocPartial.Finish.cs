namespace Journeyscope.Voc;

/// <summary>The finish: scales, unhappy cases, thresholds and moments over the merged cases, in key order.</summary>
public sealed partial class VocPartial
{
    /// <summary>The report over the covered cases: equal to <see cref="VocAnalysis.Analyze"/> of them, case order by key.</summary>
    public VocReport Finish(CancellationToken cancellationToken = default)
    {
        var rows = (CaseRow[])_cases.Clone();
        var keys = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = rows[i].Key;
        }

        Array.Sort(keys, rows);
        var higherIsBetter = Options.EffectiveCesDirection == ScoreDirection.HigherIsBetter;
        var surveys = Surveys(rows, higherIsBetter, out var scales);
        cancellationToken.ThrowIfCancellationRequested();

        double sum = 0;
        foreach (var row in rows)
        {
            foreach (var compound in row.Compounds)
            {
                sum += compound;
            }
        }

        var s = Sentiment;
        var sentiment = new SentimentSummary(s.Comments, s.Positive, s.Neutral, s.Negative, s.Comments == 0 ? 0 : sum / s.Comments);
        var moments = Moments(rows, scales, higherIsBetter, out var surveyed, out var unhappy);
        return new VocReport(surveys, sentiment, surveyed, unhappy, moments);
    }

    /// <summary>The <paramref name="count"/> most negative and most positive comments: equal to <see cref="ExampleComments.Find"/> of the covered cases.</summary>
    public ExampleComments FinishComments(int count = VocResult.DefaultExamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return new ExampleComments([], []);
        }

        var scorer = Options.Sentiment ?? LexiconSentimentScorer.Default;
        var negative = new List<ScoredComment>();
        var positive = new List<ScoredComment>();
        foreach (var (text, tally) in _comments)
        {
            var score = scorer.Score(text);
            if (score.Label != SentimentLabel.Neutral)
            {
                (score.Label == SentimentLabel.Negative ? negative : positive).Add(new ScoredComment(tally.CaseId, tally.Activity, text, score, tally.Occurrences));
            }
        }

        negative.Sort(static (x, y) => ExampleComments.Compare(x, y, ascending: true));
        positive.Sort(static (x, y) => ExampleComments.Compare(x, y, ascending: false));
        return new ExampleComments(negative.Take(count).ToList(), positive.Take(count).ToList());
    }

    private List<SurveySummary> Surveys(CaseRow[] rows, bool higherIsBetter, out Dictionary<string, SurveyScale> scales)
    {
        var stats = new Dictionary<string, AnswerStats>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var (activity, value) in row.Answers)
            {
                stats.TryGetValue(activity, out var seen);
                stats[activity] = seen.Count == 0
                    ? new AnswerStats(1, value, value, value, value == Math.Floor(value))
                    : new AnswerStats(seen.Count + 1, seen.Sum + value, Math.Min(seen.Min, value), Math.Max(seen.Max, value), seen.Integers && value == Math.Floor(value));
            }
        }

        scales = new Dictionary<string, SurveyScale>(StringComparer.Ordinal);
        var sides = new Dictionary<string, (int Positive, int Middle, int Negative)>(StringComparer.Ordinal);
        foreach (var (activity, seen) in stats)
        {
            scales[activity] = Options.Scales.TryGetValue(activity, out var given) ? given : VocAnalysis.DetectScale(activity, seen.Min, seen.Max, seen.Integers);
            sides[activity] = default;
        }

        foreach (var row in rows)
        {
            foreach (var (activity, value) in row.Answers)
            {
                var scale = scales[activity];
                var (good, bad) = VocAnalysis.Classify(scale, value, higherIsBetter);
                var side = sides[activity];
                sides[activity] = (side.Positive + (good ? 1 : 0), side.Middle + (!good && !bad && scale != SurveyScale.Other ? 1 : 0), side.Negative + (bad ? 1 : 0));
            }
        }

        var summaries = new List<SurveySummary>(stats.Count);
        foreach (var (activity, seen) in stats)
        {
            var side = sides[activity];
            summaries.Add(VocAnalysis.Summary(activity, scales[activity], seen.Count, seen.Sum, side.Positive, side.Middle, side.Negative));
        }

        summaries.Sort(VocAnalysis.CompareSurveys);
        return summaries;
    }

    private List<MomentThatMatters> Moments(CaseRow[] rows, Dictionary<string, SurveyScale> scales, bool higherIsBetter, out int population, out int populationUnhappy)
    {
        var thresholds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (activity, waits) in _waits)
        {
            thresholds[activity] = Options.LongWait is { } fixedWait ? fixedWait.Ticks : VocAnalysis.Threshold([.. waits]);
        }

        var tallies = new Dictionary<string, MomentTally>(StringComparer.Ordinal);
        var touchpoints = Options.Journey?.Touchpoints ?? [];
        var with = new int[touchpoints.Count];
        var withUnhappy = new int[touchpoints.Count];
        population = 0;
        populationUnhappy = 0;
        foreach (var row in rows)
        {
            if (row.Steps is not { } steps)
            {
                continue;
            }

            var bad = false;
            foreach (var (activity, value) in row.Answers)
            {
                bad |= VocAnalysis.Classify(scales[activity], value, higherIsBetter).Bad;
            }

            population++;
            populationUnhappy += bad ? 1 : 0;
            var unhappy = bad ? 1 : 0;
            foreach (var (activity, (events, longestWait)) in steps.Activities)
            {
                tallies.TryGetValue(activity, out var tally);
                var longWait = longestWait != long.MinValue && longestWait >= thresholds.GetValueOrDefault(activity, Options.LongWait?.Ticks ?? long.MaxValue);
                tallies[activity] = new MomentTally(
                    tally.Present + 1,
                    tally.PresentUnhappy + unhappy,
                    tally.Rework + (events > 1 ? 1 : 0),
                    tally.ReworkUnhappy + (events > 1 ? unhappy : 0),
                    tally.Waited + (longWait ? 1 : 0),
                    tally.WaitedUnhappy + (longWait ? unhappy : 0));
            }

            for (var t = 0; t < touchpoints.Count; t++)
            {
                if (steps.Touchpoints[t])
                {
                    with[t]++;
                    withUnhappy[t] += unhappy;
                }
            }
        }

        var moments = new List<MomentThatMatters>();
        foreach (var activity in _waits.Keys)
        {
            if (scales.ContainsKey(activity))
            {
                continue;
            }

            var tally = tallies.GetValueOrDefault(activity);
            VocAnalysis.Add(moments, Options, "activity", activity, tally.Present, tally.PresentUnhappy, population, populationUnhappy);
            VocAnalysis.Add(moments, Options, "rework", activity, tally.Rework, tally.ReworkUnhappy, population, populationUnhappy);
            VocAnalysis.Add(moments, Options, "wait", activity, tally.Waited, tally.WaitedUnhappy, population, populationUnhappy);
        }

        for (var t = 0; t < touchpoints.Count; t++)
        {
            var matched = _touchpointActivities[t];
            if (matched.Count > 0 && matched.All(scales.ContainsKey))
            {
                // A survey touchpoint is where the answer is recorded, not an experience that explains it.
                continue;
            }

            VocAnalysis.Add(moments, Options, "touchpoint", touchpoints[t].Id, with[t], withUnhappy[t], population, populationUnhappy);
        }

        moments.Sort(VocAnalysis.CompareMoments);
        return moments;
    }

    private readonly record struct AnswerStats(int Count, double Sum, double Min, double Max, bool Integers);

    private readonly record struct MomentTally(int Present, int PresentUnhappy, int Rework, int ReworkUnhappy, int Waited, int WaitedUnhappy);
}
