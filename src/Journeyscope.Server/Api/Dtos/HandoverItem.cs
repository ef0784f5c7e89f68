namespace Journeyscope.Server.Api.Dtos;

/// <summary>Waiting time on one hand-over (from the completion of one step to the start of the next), seconds.</summary>
/// <param name="From">The earlier activity.</param>
/// <param name="To">The later activity.</param>
/// <param name="Count">How often the hand-over happened.</param>
/// <param name="TotalWaitingSeconds">Total wait.</param>
/// <param name="MeanWaitingSeconds">Mean wait.</param>
/// <param name="MedianWaitingSeconds">Median wait.</param>
public sealed record HandoverItem(string From, string To, long Count, double TotalWaitingSeconds, double MeanWaitingSeconds, double MedianWaitingSeconds);
