namespace Journeyscope.Voc;

/// <summary>The scale of a survey question.</summary>
public enum SurveyScale
{
    /// <summary>Net Promoter Score question, 0 to 10: promoters 9-10, passives 7-8, detractors 0-6.</summary>
    Nps,

    /// <summary>Customer satisfaction, 1 to 5: satisfied 4-5, dissatisfied 1-2.</summary>
    Csat,

    /// <summary>Customer effort score, 1 (very easy) to 7 (very difficult): high effort 5-7.</summary>
    Ces,

    /// <summary>Any other numeric answer.</summary>
    Other,
}
