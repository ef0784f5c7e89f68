namespace Journeyscope.Voc;

/// <summary>A comment with its sentiment: the first case that wrote it and how many comments carry the same text.</summary>
/// <param name="CaseId">The first case (in log order) with this comment.</param>
/// <param name="Activity">The activity of that comment's event.</param>
/// <param name="Text">The comment as written.</param>
/// <param name="Score">Its sentiment.</param>
/// <param name="Occurrences">How many events carry exactly this text.</param>
public sealed record ScoredComment(string CaseId, string Activity, string Text, SentimentScore Score, int Occurrences);
