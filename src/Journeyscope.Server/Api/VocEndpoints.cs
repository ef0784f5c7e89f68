using Journeyscope.EventLogs;
using Journeyscope.Partitions;
using Journeyscope.Server.Security;
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
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/voc", Get).WithName("GetVoiceOfCustomer").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Surveys (NPS, CSAT, CES), comment sentiment, the most negative and positive comments, and the moments that matter.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<VocResult>> Get(
        string ws, string? journey, string? scoreAttribute, string? commentAttribute, int? top, int? examples, string[]? filter, string? timeBasis,
        WorkspaceHost host, EventLogCache cache, LiveLogCache live, CancellationToken cancellationToken)
    {
        var topMoments = LogQuery.Positive(top, VocResult.DefaultTop, 1000, "top");
        var exampleCount = examples is 0 ? 0 : LogQuery.Positive(examples, VocResult.DefaultExamples, 100, "examples");
        var (designed, journeyVersion) = string.IsNullOrWhiteSpace(journey)
            ? (null, null)
            : await JourneyEndpoints.ReadValidWithVersionAsync(host, ws, journey, cancellationToken).ConfigureAwait(false);

        // A followed workspace's whole log: from the partials of these options, only the changed partitions mapped again.
        if (await LiveAnswers.AnswerAsync(live, ws, filter, timeBasis, log =>
                LiveAttribute(log, scoreAttribute, VocOptions.Default.ScoreAttribute) is { } liveScore
                && LiveAttribute(log, commentAttribute, VocOptions.Default.CommentAttribute) is { } liveComment
                    ? LiveAnswers.Voc(new VocOptions { ScoreAttribute = liveScore, CommentAttribute = liveComment, Journey = designed },
                        journeyVersion, topMoments, exampleCount, cancellationToken)
                    : null,
                cancellationToken).ConfigureAwait(false) is { } answered)
        {
            return TypedResults.Ok(answered);
        }

        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        var score = Attribute(log, ws, scoreAttribute, VocOptions.Default.ScoreAttribute, "scoreAttribute");
        var comment = Attribute(log, ws, commentAttribute, VocOptions.Default.CommentAttribute, "commentAttribute");
        var options = new VocOptions { ScoreAttribute = score, CommentAttribute = comment, Journey = designed };
        return TypedResults.Ok(await Task.Run(
            () => VocResult.Analyze(log, version, options, topMoments, exampleCount, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// As <see cref="Attribute"/> on the partitioned log; null when a name given explicitly is not an event attribute (the
    /// store path then reports it, listing the attributes in the store's order).
    /// </summary>
    private static string? LiveAttribute(PartitionedEventLog log, string? given, string fallback)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return fallback;
        }

        var name = given.Trim();
        return LiveAnswers.EventAttributeNames(log).Contains(name) ? name : null;
    }

    /// <summary>
    /// The attribute to read: a name given explicitly must exist (400 listing the event attributes); a missing default
    /// is reported by the result's notes, so a workspace without surveys still gets an answer.
    /// </summary>
    private static string Attribute(EventLog log, string ws, string? given, string fallback, string parameter)
    {
        var name = string.IsNullOrWhiteSpace(given) ? fallback : given.Trim();
        if (log.FindEventAttribute(name) is null && !string.IsNullOrWhiteSpace(given))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown attribute",
                $"{parameter}='{name}' is not an event attribute of workspace '{ws}'. Use one of: {KpiEndpoints.Attributes(log)}.");
        }

        return name;
    }
}
