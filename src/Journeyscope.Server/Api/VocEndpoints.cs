using Journeyscope.EventLogs;
using Journeyscope.Kpis;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;
using Journeyscope.Voc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// The voice of the customer (docs/voc.md): survey summaries, sentiment of comments, example comments and the moments
/// that matter. The figures are those of <c>journeyscope voc --format json</c>; sentiment comes from the built-in lexicon.
/// </summary>
internal static class VocEndpoints
{
    private const string DefaultScore = "score";
    private const string DefaultComment = "comment";

    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/voc", Get).WithName("GetVoiceOfCustomer")
            .WithSummary("Surveys (NPS, CSAT, CES), comment sentiment, the most negative and positive comments, and the moments that matter.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<VocResponse>> Get(
        string ws, string? journey, string? scoreAttribute, string? commentAttribute, int? top, int? examples, string[]? filter, string? timeBasis,
        WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var topMoments = LogQuery.Positive(top, 10, 1000, "top");
        var exampleCount = examples is 0 ? 0 : LogQuery.Positive(examples, 5, 100, "examples");
        var designed = string.IsNullOrWhiteSpace(journey) ? null : await JourneyEndpoints.ReadValidAsync(host, ws, journey, cancellationToken).ConfigureAwait(false);
        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        var notes = new List<string>();
        var score = Attribute(log, ws, scoreAttribute, DefaultScore, "scoreAttribute", "survey answers", notes);
        var comment = Attribute(log, ws, commentAttribute, DefaultComment, "commentAttribute", "comments", notes);
        var options = new VocOptions { ScoreAttribute = score, CommentAttribute = comment, Journey = designed };
        var (report, comments) = await Task.Run(
            () => (VocAnalysis.Analyze(log, options, cancellationToken), ExampleComments.Find(log, options, exampleCount, cancellationToken)),
            cancellationToken).ConfigureAwait(false);

        var surveys = report.Surveys.Select(s => new SurveyItem(
            s.Activity, s.Scale.ToString().ToLowerInvariant(), s.Responses, s.Score, Headline(s), s.Mean, s.Positive, s.Middle, s.Negative)).ToList();
        var sentiment = report.Sentiment;
        var moments = report.Moments.Take(topMoments).Select(m => new MomentItem(
            m.Kind, m.Name, m.CasesWith, m.RateWith, m.CasesWithout, m.RateWithout, KpiText.Finite(m.Lift), m.Difference, m.Lower, m.Upper,
            m.Lower > 0 || m.Upper < 0)).ToList();
        return TypedResults.Ok(new VocResponse(
            LogQuery.Name(log.TimeBasis), version, designed?.Id, log.CaseCount, report.SurveyedCases, report.UnhappyCases, surveys,
            new SentimentDistribution(sentiment.Comments, sentiment.Positive, sentiment.Neutral, sentiment.Negative, sentiment.MeanCompound, "lexicon"),
            [.. comments.MostNegative.Select(Comment)], [.. comments.MostPositive.Select(Comment)], moments, notes));
    }

    /// <summary>
    /// The attribute to read: a name given explicitly must exist (400 listing the event attributes); a missing default
    /// only adds a note, so a workspace without surveys still gets an answer.
    /// </summary>
    private static string Attribute(EventLog log, string ws, string? given, string fallback, string parameter, string what, List<string> notes)
    {
        var name = string.IsNullOrWhiteSpace(given) ? fallback : given.Trim();
        if (log.FindEventAttribute(name) is not null)
        {
            return name;
        }

        if (given is not null && !string.IsNullOrWhiteSpace(given))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown attribute",
                $"{parameter}='{name}' is not an event attribute of workspace '{ws}'. Use one of: {KpiEndpoints.Attributes(log)}.");
        }

        notes.Add($"The events have no '{name}' attribute, so there are no {what}; name the attribute with {parameter}=….");
        return name;
    }

    private static CommentItem Comment(ScoredComment c) =>
        new(c.Text, c.Score.Compound, c.Score.Label.ToString().ToLowerInvariant(), c.CaseId, c.Activity, c.Occurrences);

    // The KPI page's rounding (KpiFormat), so NPS, CSAT and CES read the same on both pages.
    private static string Headline(SurveySummary survey) => KpiFormat.Value(survey.Score, survey.Scale switch
    {
        SurveyScale.Nps => KpiUnit.NetScore,
        SurveyScale.Csat => KpiUnit.Ratio,
        _ => KpiUnit.Number,
    });
}
