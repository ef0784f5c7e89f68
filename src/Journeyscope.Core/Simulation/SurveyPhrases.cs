namespace Journeyscope.Simulation;

/// <summary>Short English survey comments by tone and topic: the comment of an answer follows the customer's experience.</summary>
internal static class SurveyPhrases
{
    public const int Positive = 0, Neutral = 1, Negative = 2;
    public const int General = 0, Payment = 1, Delivery = 2, Support = 3;
    private const int PerCell = 4;

    // [tone][topic][phrase], flattened; every cell has PerCell phrases.
    private static readonly string[] Bank =
    [
        // positive
        "Great shop, easy to find what I needed.", "Love the range and the prices.", "Smooth from start to finish.", "Will definitely order again.",
        "Checkout was quick and painless.", "Paying took seconds, nice.", "Easy payment, no surprises.", "The app checkout is really smooth.",
        "Parcel arrived earlier than expected.", "Fast delivery and well packed.", "Delivery was spot on.", "Arrived the next day, impressive.",
        "The agent solved it in one call.", "Friendly and helpful support.", "Quick answer in the chat, thanks.", "Support went the extra mile.",
        // neutral
        "It was fine, nothing special.", "Okay experience overall.", "Does the job.", "Decent, could be a bit faster.",
        "Payment worked after a moment.", "Checkout is okay but has too many steps.", "Paying was fine.", "Had to re-enter my card once.",
        "Delivery took a little longer than promised.", "Parcel came, packaging could be better.", "Delivery was average.", "Tracking updates were sparse.",
        "Support answered, took a while.", "Issue solved eventually.", "Had to explain my problem twice.", "The chat was okay.",
        // negative
        "Very disappointing experience.", "Not what I expected at all.", "I will shop elsewhere next time.", "Too much hassle for a simple order.",
        "Payment kept failing on my phone.", "Had to try paying three times, frustrating.", "Checkout in the app is broken.", "My card was declined for no reason.",
        "Delivery was days late.", "Still waiting for my parcel, no updates.", "Parcel stuck in the warehouse for days.", "Late delivery ruined my plans.",
        "Passed from one agent to another.", "Escalated twice and still no answer.", "Nobody takes responsibility for my ticket.", "Support was slow and unhelpful.",
    ];

    /// <summary>All phrases; a comment is stored as an index into this list.</summary>
    public static IReadOnlyList<string> All => Bank;

    /// <summary>The tone of a score on a scale from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int ToneOf(int score, int min, int max)
    {
        var f = (score - min) / (double)(max - min);
        return f >= 0.75 ? Positive : f >= 0.45 ? Neutral : Negative;
    }

    /// <summary>Picks a comment index for a tone and topic.</summary>
    public static short Pick(int tone, int topic, ref SimulationRandom random) =>
        (short)((((tone * 4) + topic) * PerCell) + random.Next(PerCell));
}
