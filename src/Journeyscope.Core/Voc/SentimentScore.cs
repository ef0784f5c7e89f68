namespace Journeyscope.Voc;

/// <summary>The sentiment of one text: a compound score from -1 (very negative) to +1 (very positive) and its class.</summary>
/// <param name="Compound">The compound score in [-1, 1].</param>
/// <param name="Label">The class.</param>
public readonly record struct SentimentScore(double Compound, SentimentLabel Label)
{
    /// <summary>The score of a text with no sentiment.</summary>
    public static SentimentScore Neutral { get; } = new(0, SentimentLabel.Neutral);
}
