namespace Journeyscope.Server.Components.Api;

// The KPI and voice-of-the-customer responses as the UI reads them (docs/api.md).

internal sealed record KpisModel(string Journey, int Cases, string Period, string? By, IReadOnlyList<KpiModel> Kpis);

internal sealed record KpiModel(
    string Id, string Name, string Kind, string Category, string Definition, string Unit, double? Value, string FormattedValue,
    string? Target, string Status, int SampleSize, IReadOnlyList<KpiPeriodModel> Trend, IReadOnlyList<KpiSegmentModel> Segments,
    IReadOnlyList<string> Notes);

internal sealed record KpiPeriodModel(string Label, DateTimeOffset? Start, double? Value, string FormattedValue, string Status, int SampleSize);

internal sealed record KpiSegmentModel(string Segment, double? Value, string FormattedValue, string Status, int SampleSize);

internal sealed record KpiTreeModel(string Journey, int Cases, IReadOnlyList<KpiTreeLinkModel> Links);

internal sealed record KpiTreeLinkModel(
    string Kpi, string KpiName, string Driver, string DriverName, string Split, double? OnTarget, int OnTargetCases, double? OffTarget,
    int OffTargetCases, double? Difference, double? Lower, double? Upper, string Method, bool Significant, string FormattedOnTarget,
    string FormattedOffTarget, string FormattedDifference, string FormattedInterval);

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
