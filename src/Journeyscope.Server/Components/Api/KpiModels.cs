namespace Journeyscope.Server.Components.Api;

// The voice-of-the-customer response as the UI reads them (docs/api.md).

internal sealed record VocModel(
    string? Journey, int Cases, int SurveyedCases, int UnhappyCases, IReadOnlyList<SurveyModel> Surveys, SentimentModel Sentiment,
    IReadOnlyList<CommentModel> NegativeComments, IReadOnlyList<CommentModel> PositiveComments, IReadOnlyList<MomentModel> Moments,
    IReadOnlyList<string> Notes);

internal sealed record SurveyModel(string Survey, string Scale, int Answers, double Score, string FormattedScore, double Mean, int Positive, int Middle, int Negative);

internal sealed record SentimentModel(int Comments, int Positive, int Neutral, int Negative, double Mean, string Scorer);

internal sealed record CommentModel(string Text, double Score, string Sentiment, string CaseId, string Activity, int Occurrences);

internal sealed record MomentModel(
    string Kind, string Name, int CasesWith, double UnhappyWith, int CasesWithout, double UnhappyWithout, double? Lift, double Difference,
    double Lower, double Upper, bool Significant);
