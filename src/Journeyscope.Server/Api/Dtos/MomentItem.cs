namespace Journeyscope.Server.Api.Dtos;

/// <summary>A moment that matters: a step, rework or wait and how strongly it goes with unhappy customers.</summary>
/// <param name="Kind"><c>activity</c>, <c>touchpoint</c>, <c>rework</c> or <c>wait</c>.</param>
/// <param name="Name">The activity or touchpoint.</param>
/// <param name="CasesWith">Surveyed cases that have it.</param>
/// <param name="UnhappyWith">Share of unhappy cases among them.</param>
/// <param name="CasesWithout">Surveyed cases that do not.</param>
/// <param name="UnhappyWithout">Share of unhappy cases among those.</param>
/// <param name="Lift">UnhappyWith / UnhappyWithout; null when UnhappyWithout is 0 (no finite lift).</param>
/// <param name="Difference">UnhappyWith − UnhappyWithout.</param>
/// <param name="Lower">Lower bound of the 95 % interval of the difference.</param>
/// <param name="Upper">Upper bound of that interval.</param>
/// <param name="Significant">Whether the interval excludes zero.</param>
public sealed record MomentItem(
    string Kind,
    string Name,
    int CasesWith,
    double UnhappyWith,
    int CasesWithout,
    double UnhappyWithout,
    double? Lift,
    double Difference,
    double Lower,
    double Upper,
    bool Significant);
