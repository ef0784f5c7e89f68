namespace Journeyscope.Server.Api.Dtos;

/// <summary>The voice of the customer (GET /api/v1/workspaces/{ws}/voc): surveys, comment sentiment, example comments and the moments that matter.</summary>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Journey">The journey whose touchpoints became moments too, or null.</param>
/// <param name="Cases">Cases of the (filtered) log.</param>
/// <param name="SurveyedCases">Cases with at least one survey answer.</param>
/// <param name="UnhappyCases">Surveyed cases with a detractor NPS (0-6), dissatisfied CSAT (1-2) or high-effort CES (5-7) answer.</param>
/// <param name="Surveys">One summary per survey activity, most answers first.</param>
/// <param name="Sentiment">The sentiment distribution of the comments.</param>
/// <param name="NegativeComments">The most negative distinct comments, lowest score first.</param>
/// <param name="PositiveComments">The most positive distinct comments, highest score first.</param>
/// <param name="Moments">The strongest moments that matter (highest lower bound first), at most <c>top</c>.</param>
/// <param name="Notes">What could not be read, for example a log without a score attribute.</param>
public sealed record VocResponse(
    string TimeBasis,
    long Version,
    string? Journey,
    int Cases,
    int SurveyedCases,
    int UnhappyCases,
    IReadOnlyList<SurveyItem> Surveys,
    SentimentDistribution Sentiment,
    IReadOnlyList<CommentItem> NegativeComments,
    IReadOnlyList<CommentItem> PositiveComments,
    IReadOnlyList<MomentItem> Moments,
    IReadOnlyList<string> Notes);
