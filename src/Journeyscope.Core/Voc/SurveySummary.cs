namespace Journeyscope.Voc;

/// <summary>The answers to one survey (the events of one activity that carry a score).</summary>
/// <param name="Activity">The survey activity.</param>
/// <param name="Scale">The scale, from the options, the activity's name or the range of its answers.</param>
/// <param name="Responses">Number of answers.</param>
/// <param name="Mean">Mean answer.</param>
/// <param name="Positive">Promoters (NPS), satisfied 4-5 (CSAT), low effort 1-3 (CES); 0 for other scales.</param>
/// <param name="Middle">Passives 7-8 (NPS), neutral 3 (CSAT), 4 (CES).</param>
/// <param name="Negative">Detractors 0-6 (NPS), dissatisfied 1-2 (CSAT), high effort 5-7 (CES).</param>
/// <param name="Score">The headline: NPS (-100..100), CSAT share satisfied (0..1), CES mean; the mean for other scales.</param>
public sealed record SurveySummary(string Activity, SurveyScale Scale, int Responses, double Mean, int Positive, int Middle, int Negative, double Score);
