using System.Globalization;

namespace Journeyscope.Voc;

/// <summary>One survey as results show it.</summary>
/// <param name="Survey">The survey's activity.</param>
/// <param name="Scale">Its scale.</param>
/// <param name="Answers">Its answers.</param>
/// <param name="Score">The headline score: NPS (-100..100), CSAT share (0..1) or mean CES.</param>
/// <param name="FormattedScore">The headline as shown: NPS <c>12.5</c>, CSAT <c>81.0%</c>, else <c>4.20</c>.</param>
/// <param name="Mean">The mean answer.</param>
/// <param name="Positive">Promoters, satisfied or low-effort answers.</param>
/// <param name="Middle">Passives or neutral answers.</param>
/// <param name="Negative">Detractors, dissatisfied or high-effort answers.</param>
public sealed record VocSurvey(
    string Survey, SurveyScale Scale, int Answers, double Score, string FormattedScore, double Mean, int Positive, int Middle, int Negative)
{
    /// <summary>The survey <paramref name="summary"/> as results show it.</summary>
    public static VocSurvey Of(SurveySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new VocSurvey(summary.Activity, summary.Scale, summary.Responses, summary.Score, Headline(summary), summary.Mean,
            summary.Positive, summary.Middle, summary.Negative);
    }

    /// <summary>The headline score as every surface shows it.</summary>
    public static string Headline(SurveySummary survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return survey.Scale switch
        {
            SurveyScale.Nps => survey.Score.ToString("0.0", CultureInfo.InvariantCulture),
            SurveyScale.Csat => (survey.Score * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
            _ => survey.Score.ToString("0.00", CultureInfo.InvariantCulture),
        };
    }
}
