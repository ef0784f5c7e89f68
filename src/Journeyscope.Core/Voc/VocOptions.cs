using Journeyscope.Journeys;

namespace Journeyscope.Voc;

/// <summary>How <see cref="VocAnalysis"/> reads survey answers and comments.</summary>
public sealed class VocOptions
{
    /// <summary>Scores in <c>score</c>, comments in <c>comment</c>, the lexicon scorer.</summary>
    public static VocOptions Default { get; } = new();

    /// <summary>The event attribute holding numeric answers (default <c>score</c>).</summary>
    public string ScoreAttribute { get; init; } = "score";

    /// <summary>The event attribute holding free-text comments (default <c>comment</c>).</summary>
    public string CommentAttribute { get; init; } = "comment";

    /// <summary>The sentiment scorer; <c>null</c> for <see cref="LexiconSentimentScorer.Default"/>.</summary>
    public ISentimentScorer? Sentiment { get; init; }

    /// <summary>Scales per survey activity; activities not listed are recognised by name (nps, csat, ces/effort) or by the range of their answers.</summary>
    public IReadOnlyDictionary<string, SurveyScale> Scales { get; init; } = new Dictionary<string, SurveyScale>(StringComparer.Ordinal);

    /// <summary>
    /// A wait at least this long before an activity is a long wait; <c>null</c> (default) for at least that activity's 90th
    /// percentile wait, when that is above its median.
    /// </summary>
    public TimeSpan? LongWait { get; init; }

    /// <summary>Moments need at least this many surveyed cases with and without them (default 10).</summary>
    public int MinimumCases { get; init; } = 10;

    /// <summary>A journey whose touchpoints become moments too; <c>null</c> for activities only.</summary>
    public DesignedJourney? Journey { get; init; }

    /// <summary>Which end of the CES scale is good; null (the default) reads it from <see cref="Journey"/> (<see cref="ScoreDirections.Ces"/>).</summary>
    public ScoreDirection? CesDirection { get; init; }

    /// <summary>
    /// The CES direction the analysis uses: <see cref="CesDirection"/> when given, else the journey's (<see cref="ScoreDirections.Ces"/>).
    /// The one rule behind the unhappy CES answers and <see cref="VocResult.CesDirection"/>.
    /// </summary>
    public ScoreDirection EffectiveCesDirection => CesDirection ?? ScoreDirections.Ces(Journey);
}
