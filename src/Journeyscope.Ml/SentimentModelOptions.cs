namespace Journeyscope.Ml;

/// <summary>How <see cref="SentimentModel.Train"/> trains.</summary>
public sealed class SentimentModelOptions
{
    /// <summary>Seed 1, 20% held out for evaluation.</summary>
    public static SentimentModelOptions Default { get; } = new();

    /// <summary>The seed of ML.NET's random numbers and of the hold-out split: the same data and seed give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The share of the labelled comments held out to measure the model (0 to train on everything).</summary>
    public double HoldOut { get; init; } = 0.2;
}
