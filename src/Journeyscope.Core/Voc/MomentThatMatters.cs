namespace Journeyscope.Voc;

/// <summary>
/// A step, rework or wait and how strongly it goes with unhappy customers: the share of unhappy cases among the surveyed
/// cases that have it versus those that do not, with a 95% confidence interval of the difference.
/// </summary>
/// <param name="Kind"><c>activity</c>, <c>touchpoint</c>, <c>rework</c> (the activity happens twice or more) or <c>wait</c> (a long wait before the activity).</param>
/// <param name="Name">The activity or touchpoint.</param>
/// <param name="CasesWith">Surveyed cases that have it.</param>
/// <param name="CasesWithout">Surveyed cases that do not.</param>
/// <param name="RateWith">Share of unhappy cases among <paramref name="CasesWith"/>.</param>
/// <param name="RateWithout">Share of unhappy cases among <paramref name="CasesWithout"/>.</param>
/// <param name="Lift">RateWith / RateWithout (infinity when RateWithout is 0).</param>
/// <param name="Difference">RateWith − RateWithout.</param>
/// <param name="Lower">Lower bound of the 95% interval of the difference (normal approximation for two proportions).</param>
/// <param name="Upper">Upper bound of that interval.</param>
public sealed record MomentThatMatters(
    string Kind,
    string Name,
    int CasesWith,
    int CasesWithout,
    double RateWith,
    double RateWithout,
    double Lift,
    double Difference,
    double Lower,
    double Upper);
