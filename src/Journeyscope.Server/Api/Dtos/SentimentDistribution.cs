namespace Journeyscope.Server.Api.Dtos;

/// <summary>How the comments of the log are spread over sentiment classes.</summary>
/// <param name="Comments">Non-blank comments.</param>
/// <param name="Positive">Comments scored positive.</param>
/// <param name="Neutral">Comments scored neutral.</param>
/// <param name="Negative">Comments scored negative.</param>
/// <param name="Mean">Mean compound score (-1..1); 0 without comments.</param>
/// <param name="Scorer"><c>lexicon</c>: the built-in lexicon scorer (docs/voc.md).</param>
public sealed record SentimentDistribution(int Comments, int Positive, int Neutral, int Negative, double Mean, string Scorer);
