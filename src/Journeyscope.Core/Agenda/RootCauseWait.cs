namespace Journeyscope.Agenda;

/// <summary>A backstage hand-over whose wait differs between cases with the outcome and the others, in seconds.</summary>
/// <param name="From">The earlier activity.</param>
/// <param name="To">The activity that directly followed it.</param>
/// <param name="OutcomeCases">Cases with the outcome that have this hand-over.</param>
/// <param name="OtherCases">Cases without the outcome that have it.</param>
/// <param name="OutcomeMeanSeconds">Mean over outcome cases of each case's mean wait on the hand-over.</param>
/// <param name="OtherMeanSeconds">The same over the other cases.</param>
/// <param name="OutcomeMedianSeconds">Median of the outcome cases' waits (per case means).</param>
/// <param name="OtherMedianSeconds">Median of the other cases' waits.</param>
/// <param name="DifferenceSeconds">Outcome mean minus other mean.</param>
/// <param name="Low">Low end of the difference's 95 % Welch (normal) interval.</param>
/// <param name="High">High end of that interval.</param>
public sealed record RootCauseWait(
    string From,
    string To,
    int OutcomeCases,
    int OtherCases,
    double OutcomeMeanSeconds,
    double OtherMeanSeconds,
    double OutcomeMedianSeconds,
    double OtherMedianSeconds,
    double DifferenceSeconds,
    double Low,
    double High);
