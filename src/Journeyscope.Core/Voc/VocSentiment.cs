namespace Journeyscope.Voc;

/// <summary>The sentiment of the comments as results show it.</summary>
/// <param name="Comments">Comments scored.</param>
/// <param name="Positive">Positive comments.</param>
/// <param name="Neutral">Neutral comments.</param>
/// <param name="Negative">Negative comments.</param>
/// <param name="Mean">Mean compound score, -1..1.</param>
/// <param name="Scorer">What scored them: <c>lexicon</c> (built in or given) or <c>model</c> (trained).</param>
public sealed record VocSentiment(int Comments, int Positive, int Neutral, int Negative, double Mean, string Scorer);
