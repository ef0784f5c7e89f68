namespace Journeyscope.Voc;

/// <summary>A moment that matters as results show it: shares are fractions.</summary>
/// <param name="Kind"><c>activity</c>, <c>touchpoint</c>, <c>rework</c> or <c>wait</c> (<see cref="MomentThatMatters.Kind"/>).</param>
/// <param name="Name">Its name.</param>
/// <param name="CasesWith">Surveyed cases with it.</param>
/// <param name="UnhappyWith">Share of them that are unhappy.</param>
/// <param name="CasesWithout">Surveyed cases without it.</param>
/// <param name="UnhappyWithout">Share of them that are unhappy.</param>
/// <param name="Lift">UnhappyWith / UnhappyWithout; <c>null</c> when infinite or undefined.</param>
/// <param name="Difference">UnhappyWith - UnhappyWithout.</param>
/// <param name="Lower">Lower bound of the difference's 95 % interval.</param>
/// <param name="Upper">Upper bound of the difference's 95 % interval.</param>
/// <param name="Significant">Whether the interval excludes zero.</param>
public sealed record VocMoment(
    string Kind, string Name, int CasesWith, double UnhappyWith, int CasesWithout, double UnhappyWithout, double? Lift, double Difference,
    double Lower, double Upper, bool Significant)
{
    /// <summary>The moment <paramref name="moment"/> as results show it.</summary>
    public static VocMoment Of(MomentThatMatters moment)
    {
        ArgumentNullException.ThrowIfNull(moment);
        return new VocMoment(moment.Kind, moment.Name, moment.CasesWith, moment.RateWith, moment.CasesWithout, moment.RateWithout,
            double.IsFinite(moment.Lift) ? moment.Lift : null, moment.Difference, moment.Lower, moment.Upper, moment.Lower > 0 || moment.Upper < 0);
    }
}
