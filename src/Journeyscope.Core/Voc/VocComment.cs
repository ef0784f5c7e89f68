namespace Journeyscope.Voc;

/// <summary>An example comment as results show it.</summary>
/// <param name="Text">The comment.</param>
/// <param name="Score">Its compound sentiment score, -1..1.</param>
/// <param name="Sentiment">Its label.</param>
/// <param name="CaseId">A case that left it.</param>
/// <param name="Activity">The activity it was left at.</param>
/// <param name="Occurrences">How many times the same text was left.</param>
public sealed record VocComment(string Text, double Score, SentimentLabel Sentiment, string CaseId, string Activity, int Occurrences)
{
    /// <summary>The comment <paramref name="comment"/> as results show it.</summary>
    public static VocComment Of(ScoredComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return new VocComment(comment.Text, comment.Score.Compound, comment.Score.Label, comment.CaseId, comment.Activity, comment.Occurrences);
    }
}
