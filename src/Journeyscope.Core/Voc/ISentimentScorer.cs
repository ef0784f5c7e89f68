namespace Journeyscope.Voc;

/// <summary>Scores the sentiment of free text: the lexicon scorer in Core, or a trained model (Journeyscope.Ml).</summary>
/// <remarks>Implementations are thread-safe for concurrent <see cref="Score"/> calls.</remarks>
public interface ISentimentScorer
{
    /// <summary>Scores one text.</summary>
    public SentimentScore Score(string text);
}
