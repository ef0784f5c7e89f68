using Journeyscope.EventLogs;

namespace Journeyscope.Voc;

/// <summary>
/// The voice of the customer: the one result of <c>journeyscope voc --format json</c>, <c>GET …/voc</c> and the VoC page.
/// </summary>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Journey">The id of the journey whose touchpoints are moments too, or <c>null</c>.</param>
/// <param name="Cases">Cases of the (filtered) log.</param>
/// <param name="SurveyedCases">Cases with at least one survey answer.</param>
/// <param name="UnhappyCases">Surveyed cases with an unhappy answer (NPS 0-6, CSAT 1-2, CES high effort).</param>
/// <param name="Surveys">One per survey.</param>
/// <param name="CesDirection">
/// Which end of the CES scale is good, as the journey's <c>ces</c> KPI target declares it (<see cref="VocOptions.EffectiveCesDirection"/>):
/// the page reads it from here rather than parsing the journey.
/// </param>
/// <param name="Sentiment">The sentiment of the comments.</param>
/// <param name="NegativeComments">The most negative comments.</param>
/// <param name="PositiveComments">The most positive comments.</param>
/// <param name="Moments">The strongest moments that matter.</param>
/// <param name="Notes">What the reader should know, such as a missing attribute.</param>
public sealed record VocResult(
    TimeBasis TimeBasis,
    long Version,
    string? Journey,
    int Cases,
    int SurveyedCases,
    int UnhappyCases,
    IReadOnlyList<VocSurvey> Surveys,
    ScoreDirection CesDirection,
    VocSentiment Sentiment,
    IReadOnlyList<VocComment> NegativeComments,
    IReadOnlyList<VocComment> PositiveComments,
    IReadOnlyList<VocMoment> Moments,
    IReadOnlyList<string> Notes)
{
    /// <summary>How many moments a result shows when none is asked for, on every surface.</summary>
    public const int DefaultTop = 10;

    /// <summary>How many example comments of each sign a result shows when none is asked for.</summary>
    public const int DefaultExamples = 5;

    /// <summary>Analyses <paramref name="log"/>: surveys, sentiment, example comments and the <paramref name="top"/> moments.</summary>
    /// <param name="log">The (filtered) log.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="options">Attributes, scorer and journey.</param>
    /// <param name="top">Moments shown.</param>
    /// <param name="examples">Example comments of each sign (0 for none).</param>
    /// <param name="scorer">The word for the scorer: <c>lexicon</c> or <c>model</c>.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    public static VocResult Analyze(
        EventLog log, long version, VocOptions options, int top = DefaultTop, int examples = DefaultExamples, string scorer = "lexicon",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        ArgumentOutOfRangeException.ThrowIfNegative(examples);
        var report = VocAnalysis.Analyze(log, options, cancellationToken);
        return From(log, version, options, report, ExampleComments.Find(log, options, examples, cancellationToken), top, scorer);
    }

    /// <summary>The record of an analysis already run on <paramref name="log"/> (a command that also prints it runs it once).</summary>
    /// <param name="log">The (filtered) log analysed.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="options">The options of the analysis.</param>
    /// <param name="report">Its report.</param>
    /// <param name="comments">Its example comments.</param>
    /// <param name="top">Moments shown.</param>
    /// <param name="scorer">The word for the scorer: <c>lexicon</c> or <c>model</c>.</param>
    public static VocResult From(
        EventLog log, long version, VocOptions options, VocReport report, ExampleComments comments, int top = DefaultTop, string scorer = "lexicon")
    {
        ArgumentNullException.ThrowIfNull(log);
        return From(log.TimeBasis, version, log.CaseCount, name => log.FindEventAttribute(name) is not null, options, report, comments, top, scorer);
    }

    /// <summary>
    /// The record of an analysis run without the log at hand (finished from partials, <see cref="VocPartial"/>): what
    /// <see cref="From(EventLog, long, VocOptions, VocReport, ExampleComments, int, string)"/> gives for a log of
    /// <paramref name="timeBasis"/> with <paramref name="cases"/> cases and the event attributes <paramref name="hasEventAttribute"/> names.
    /// </summary>
    /// <param name="timeBasis">The time basis of the log analysed.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="cases">Cases of the log.</param>
    /// <param name="hasEventAttribute">Whether the log has an event attribute of a name (for the notes on missing attributes).</param>
    /// <param name="options">The options of the analysis.</param>
    /// <param name="report">Its report.</param>
    /// <param name="comments">Its example comments.</param>
    /// <param name="top">Moments shown.</param>
    /// <param name="scorer">The word for the scorer: <c>lexicon</c> or <c>model</c>.</param>
    public static VocResult From(
        TimeBasis timeBasis, long version, int cases, Func<string, bool> hasEventAttribute, VocOptions options, VocReport report, ExampleComments comments,
        int top = DefaultTop, string scorer = "lexicon")
    {
        ArgumentNullException.ThrowIfNull(hasEventAttribute);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var notes = new List<string>();
        Note(hasEventAttribute, options.ScoreAttribute, "survey answers", "--score-attribute", "scoreAttribute", notes);
        Note(hasEventAttribute, options.CommentAttribute, "comments", "--comment-attribute", "commentAttribute", notes);
        var s = report.Sentiment;
        return new VocResult(
            timeBasis, version, options.Journey?.Id, cases, report.SurveyedCases, report.UnhappyCases,
            [.. report.Surveys.Select(VocSurvey.Of)],
            options.EffectiveCesDirection,
            new VocSentiment(s.Comments, s.Positive, s.Neutral, s.Negative, s.MeanCompound, scorer),
            [.. comments.MostNegative.Select(VocComment.Of)],
            [.. comments.MostPositive.Select(VocComment.Of)],
            [.. report.Moments.Take(top).Select(VocMoment.Of)],
            notes);
    }

    // One sentence for every surface, so the CLI's and the API's records stay equal.
    private static void Note(Func<string, bool> hasEventAttribute, string attribute, string what, string option, string parameter, List<string> notes)
    {
        if (!hasEventAttribute(attribute))
        {
            notes.Add($"The events have no '{attribute}' attribute, so there are no {what}; name the attribute with {option} (CLI) or {parameter}=… (API).");
        }
    }
}
