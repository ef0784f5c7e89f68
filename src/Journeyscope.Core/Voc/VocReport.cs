namespace Journeyscope.Voc;

/// <summary>The voice of the customer in a log: survey results, comment sentiment and the moments that matter.</summary>
/// <param name="Surveys">One summary per survey activity, by number of answers.</param>
/// <param name="Sentiment">The sentiment of the comments.</param>
/// <param name="SurveyedCases">Cases with at least one answer.</param>
/// <param name="UnhappyCases">Surveyed cases with a detractor NPS answer (0-6), a dissatisfied CSAT answer (1-2) or a high-effort CES answer (5-7).</param>
/// <param name="Moments">Steps, rework and waits most associated with unhappy cases, strongest (highest lower bound) first.</param>
public sealed record VocReport(
    IReadOnlyList<SurveySummary> Surveys,
    SentimentSummary Sentiment,
    int SurveyedCases,
    int UnhappyCases,
    IReadOnlyList<MomentThatMatters> Moments);
