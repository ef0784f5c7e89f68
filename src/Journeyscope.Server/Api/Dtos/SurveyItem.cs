namespace Journeyscope.Server.Api.Dtos;

/// <summary>The answers to one survey.</summary>
/// <param name="Survey">The survey activity.</param>
/// <param name="Scale"><c>nps</c> (0-10), <c>csat</c> (1-5), <c>ces</c> (1-7) or <c>other</c>.</param>
/// <param name="Answers">Number of answers.</param>
/// <param name="Score">The headline: NPS (-100..100), CSAT share satisfied (0..1), CES mean; the mean for other scales.</param>
/// <param name="FormattedScore">The headline as people read it (<c>32.0</c>, <c>81.5%</c>, <c>3.20</c>).</param>
/// <param name="Mean">Mean answer.</param>
/// <param name="Positive">Promoters (NPS), satisfied 4-5 (CSAT), low effort 1-3 (CES).</param>
/// <param name="Middle">Passives 7-8 (NPS), neutral 3 (CSAT), 4 (CES).</param>
/// <param name="Negative">Detractors 0-6 (NPS), dissatisfied 1-2 (CSAT), high effort 5-7 (CES).</param>
public sealed record SurveyItem(string Survey, string Scale, int Answers, double Score, string FormattedScore, double Mean, int Positive, int Middle, int Negative);
