namespace Journeyscope.Performance;

/// <summary>Waiting time on one hand-over (from the completion of one step to the start of the next), in seconds.</summary>
/// <param name="From">The earlier activity.</param>
/// <param name="To">The later activity.</param>
/// <param name="Count">How often the hand-over happened.</param>
/// <param name="TotalWaitingSeconds">Total wait.</param>
/// <param name="MeanWaitingSeconds">Mean wait.</param>
/// <param name="MedianWaitingSeconds">Median wait.</param>
public sealed record HandoverTime(string From, string To, long Count, double TotalWaitingSeconds, double MeanWaitingSeconds, double MedianWaitingSeconds)
{
    /// <summary>The figures of <paramref name="handover"/>, in seconds.</summary>
    public static HandoverTime Of(HandoverWaitingTime handover)
    {
        ArgumentNullException.ThrowIfNull(handover);
        return new HandoverTime(handover.From, handover.To, handover.Count, handover.TotalWaitingTime.TotalSeconds,
            handover.MeanWaitingTime.TotalSeconds, handover.MedianWaitingTime.TotalSeconds);
    }
}
