namespace Journeyscope.Server.Api.Dtos;

/// <summary>An example comment with its sentiment.</summary>
/// <param name="Text">The comment.</param>
/// <param name="Score">The compound sentiment score (-1..1).</param>
/// <param name="Sentiment"><c>positive</c> or <c>negative</c>.</param>
/// <param name="CaseId">The first case that wrote it (for the case page).</param>
/// <param name="Activity">The activity of that event.</param>
/// <param name="Occurrences">How many comments have exactly this text.</param>
public sealed record CommentItem(string Text, double Score, string Sentiment, string CaseId, string Activity, int Occurrences);
