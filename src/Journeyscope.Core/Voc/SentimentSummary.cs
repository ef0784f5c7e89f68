namespace Journeyscope.Voc;

/// <summary>The sentiment of the comments of a log.</summary>
/// <param name="Comments">Number of non-blank comments.</param>
/// <param name="Positive">Comments scored positive.</param>
/// <param name="Neutral">Comments scored neutral.</param>
/// <param name="Negative">Comments scored negative.</param>
/// <param name="MeanCompound">Mean compound score (-1..1); 0 without comments.</param>
public sealed record SentimentSummary(int Comments, int Positive, int Neutral, int Negative, double MeanCompound);
