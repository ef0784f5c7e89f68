namespace Journeyscope.Voc;

/// <summary>The sentiment class of a text.</summary>
public enum SentimentLabel
{
    /// <summary>Negative.</summary>
    Negative,

    /// <summary>Neither clearly positive nor clearly negative.</summary>
    Neutral,

    /// <summary>Positive.</summary>
    Positive,
}
