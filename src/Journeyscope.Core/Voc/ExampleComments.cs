using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Voc;

/// <summary>The most negative and the most positive comments of a log, each distinct text once, for people to read.</summary>
/// <param name="MostNegative">Comments scored negative, lowest compound score first.</param>
/// <param name="MostPositive">Comments scored positive, highest compound score first.</param>
public sealed record ExampleComments(IReadOnlyList<ScoredComment> MostNegative, IReadOnlyList<ScoredComment> MostPositive)
{
    /// <summary>
    /// Scores each distinct comment text of <see cref="VocOptions.CommentAttribute"/> once and keeps the <paramref name="count"/>
    /// most negative and most positive; ties are broken by more occurrences, then by text (ordinal), so the choice is stable.
    /// </summary>
    /// <remarks>O(events + distinct texts · log(distinct texts)); blank comments are skipped. Empty lists without a comment attribute.</remarks>
    public static ExampleComments Find(EventLog log, VocOptions? options = null, int count = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        options ??= VocOptions.Default;
        if (count == 0 || EventAttributeFilter.Column(log, options.CommentAttribute) is not StringColumn comments)
        {
            return new ExampleComments([], []);
        }

        // Per dictionary code: how often it occurs and its first event.
        var codes = comments.Codes;
        var occurrences = new int[comments.Dictionary.Count];
        var firstEvent = new int[comments.Dictionary.Count];
        for (var e = 0; e < codes.Length; e++)
        {
            var code = codes[e];
            if (code >= 0 && occurrences[code]++ == 0)
            {
                firstEvent[code] = e;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var scorer = options.Sentiment ?? LexiconSentimentScorer.Default;
        var caseOfEvent = CaseOfEvent(log);
        var negative = new List<ScoredComment>();
        var positive = new List<ScoredComment>();
        for (var code = 0; code < occurrences.Length; code++)
        {
            var text = comments.Dictionary[code];
            if (occurrences[code] == 0 || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var score = scorer.Score(text);
            if (score.Label == SentimentLabel.Neutral)
            {
                continue;
            }

            var e = firstEvent[code];
            var comment = new ScoredComment(log.CaseIds[caseOfEvent[e]], log.ActivityNames[log.Activities[e]], text, score, occurrences[code]);
            (score.Label == SentimentLabel.Negative ? negative : positive).Add(comment);
        }

        negative.Sort(static (x, y) => Compare(x, y, ascending: true));
        positive.Sort(static (x, y) => Compare(x, y, ascending: false));
        return new ExampleComments(negative.Take(count).ToList(), positive.Take(count).ToList());
    }

    /// <summary>Most extreme first, then more occurrences, then text (ordinal): a total order, so any input order gives the same list.</summary>
    internal static int Compare(ScoredComment x, ScoredComment y, bool ascending)
    {
        var byScore = ascending ? x.Score.Compound.CompareTo(y.Score.Compound) : y.Score.Compound.CompareTo(x.Score.Compound);
        if (byScore != 0)
        {
            return byScore;
        }

        var byCount = y.Occurrences.CompareTo(x.Occurrences);
        return byCount != 0 ? byCount : string.CompareOrdinal(x.Text, y.Text);
    }

    private static int[] CaseOfEvent(EventLog log)
    {
        var result = new int[log.EventCount];
        for (var c = 0; c < log.CaseCount; c++)
        {
            result.AsSpan(log.CaseStart(c), log.CaseStart(c + 1) - log.CaseStart(c)).Fill(c);
        }

        return result;
    }
}
