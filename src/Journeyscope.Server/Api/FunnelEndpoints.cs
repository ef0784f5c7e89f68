using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Funnels;
using Journeyscope.Segments;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// Product analytics on the filtered log: funnels (conversion, drop-off, time to convert, drop-off cases), paths (Sankey)
/// and retention (cohorts, churn). The same figures as the CLI's <c>funnel</c>, <c>paths</c> and <c>retention</c> commands.
/// </summary>
internal static class FunnelEndpoints
{
    private const int MaxPageSize = 1000;

    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapPost("/funnels", Funnel).WithName("ComputeFunnel").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Computes a funnel: per step entered, converted, conversion from previous and first, drop-off, median and p90 time to convert; per breakdown value; optionally a page of drop-off case ids.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workspace.MapGet("/paths", Paths).WithName("GetPaths").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The most frequent next steps after an activity (from) or previous steps before one (to), depth by depth with 'other' and end nodes: Sankey nodes and links.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/retention", Retention).WithName("GetRetention").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Cohort retention: per cohort (first-event period or a case attribute) the share returning in each later period, and churn.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Ok<FunnelReport>> Funnel(
        string ws, FunnelRequest? request, WorkspaceHost host, EventLogCache cache, LiveLogCache live, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "No funnel",
                "Send the funnel as JSON, for example {\"steps\": [{\"activities\": [\"Visit site\"]}, {\"activities\": [\"Pay\"]}], \"window\": \"7d\"}.");
        }

        // A followed workspace's whole log: from the funnel's partials, only the changed partitions mapped again.
        if (await LiveFunnelAsync(ws, request, host, live, cancellationToken).ConfigureAwait(false) is { } answered)
        {
            return TypedResults.Ok(answered);
        }

        var (full, log, version) = await LoadAsync(cache, ws, request.Filters, request.TimeBasis, cancellationToken).ConfigureAwait(false);
        var (definition, labels) = await new FunnelRequestReader(host, ws, full.ActivityNames).ReadAsync(request, cancellationToken).ConfigureAwait(false);
        var (drop, page, pageSize) = DropOffs(request, definition);
        FunnelResult result;
        try
        {
            result = await Task.Run(() => FunnelAnalysis.Compute(log, definition, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            // The core names the parameter; the user needs the sentence only.
            var message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
            if (e.ParamName != "attribute" || definition.Breakdown is not { } attribute)
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid funnel", message);
            }

            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown breakdown attribute",
                message + DidYouMean.Hint(Bare(attribute), AttributeNames(full)) +
                $" The attributes are listed by GET /api/v1/workspaces/{ws}.",
                new Dictionary<string, object?> { ["attribute"] = attribute, ["suggestion"] = NameSuggestions.Closest(Bare(attribute), AttributeNames(full)) });
        }

        var dropOffs = drop is null ? null : FunnelReport.DropOffPage(result, drop.Step, drop.ByBreakdown, drop.BreakdownValue, page, pageSize);
        return TypedResults.Ok(FunnelReport.From(result, log.TimeBasis, version, labels, dropOffs));
    }

    /// <summary>
    /// The funnel of a followed workspace's whole log in UTC from its partials (<see cref="LiveAnswers.Funnel"/>); null when
    /// the store path answers: a filter or another time basis, touchpoint steps (their activities are listed in the store's
    /// order), a breakdown attribute not in every segment alike, or any problem with the request (the store path reports it
    /// with the did-you-mean of the store's names).
    /// </summary>
    private static async Task<FunnelReport?> LiveFunnelAsync(
        string ws, FunnelRequest request, WorkspaceHost host, LiveLogCache live, CancellationToken cancellationToken)
    {
        if (!LiveAnswers.IsWholeLog(request.Filters, request.TimeBasis)
            || (request.Steps?.Any(s => s is not null && (s.Journey is not null || s.Touchpoint is not null)) ?? false)
            || await live.GetIfFollowedAsync(ws, cancellationToken).ConfigureAwait(false) is not { } followed)
        {
            return null;
        }

        var log = followed.Log;
        FunnelDefinition definition;
        string[] labels;
        try
        {
            (definition, labels) = await new FunnelRequestReader(host, ws, LiveAnswers.ActivityNames(log)).ReadAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiProblemException)
        {
            return null;
        }

        if (!FunnelPartial.BreakdownResolvesAlike(log, definition.Breakdown))
        {
            return null;
        }

        var (drop, page, pageSize) = DropOffs(request, definition);
        FunnelResult? result;
        try
        {
            result = await Task.Run(() => live.Answer(ws, log, LiveAnswers.Funnel(definition), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (result is null)
        {
            return null;
        }

        var dropOffs = drop is null ? null : FunnelReport.DropOffPage(result, drop.Step, drop.ByBreakdown, drop.BreakdownValue, page, pageSize);
        return FunnelReport.From(result, TimeBasis.Utc, log.Version, labels, dropOffs);
    }

    /// <summary>The requested page of drop-off cases, checked against <paramref name="definition"/> (400 when it names no step of it).</summary>
    private static (FunnelDropOffRequest? Drop, int Page, int PageSize) DropOffs(FunnelRequest request, FunnelDefinition definition)
    {
        var drop = request.DropOffs;
        if (drop is not null)
        {
            if (drop.Step < 1 || drop.Step > definition.Steps.Count)
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid drop-off step",
                    $"dropOffs.step must name a step between 1 and {definition.Steps.Count}, got {drop.Step}.");
            }

            if (drop.ByBreakdown && definition.Breakdown is null)
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, "No breakdown",
                    "dropOffs.byBreakdown needs a funnel with a 'breakdown' attribute.");
            }
        }

        return (drop, LogQuery.Positive(drop?.Page, 1, int.MaxValue, "dropOffs.page"), LogQuery.Positive(drop?.PageSize, 50, MaxPageSize, "dropOffs.pageSize"));
    }

    private static async Task<Ok<PathsResult>> Paths(
        string ws, string? from, string? to, string? direction, int? depth, int? top, string[]? filter, string? timeBasis,
        EventLogCache cache, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "No anchor",
                "Give from=<activity> (the steps after it), to=<activity> (the steps before it), or both (the steps between them).");
        }

        PathDirection? way = direction switch
        {
            null or "" => null,
            "next" => PathDirection.Forward,
            "previous" => PathDirection.Backward,
            _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid direction",
                $"direction must be 'next' (the steps after the anchor) or 'previous' (the steps before it), got '{direction}'."),
        };
        var steps = LogQuery.Positive(depth, PathOptions.DefaultDepth, 10, "depth");
        var width = LogQuery.Positive(top, PathOptions.DefaultTop, 50, "top");
        var (full, log, version) = await LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        var known = new KnownActivities(full.ActivityNames, ws);
        var options = PathOptions.For(Step(from, "from", known), Step(to, "to", known), way, steps, width);
        return TypedResults.Ok(await Task.Run(() => PathsResult.Compute(log, version, options, cancellationToken), cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Ok<RetentionTable>> Retention(
        string ws, string? cohort, string? period, int? periods, string[]? @return, string[]? churn, string[]? filter, string? timeBasis,
        EventLogCache cache, CancellationToken cancellationToken)
    {
        var (cohortPeriod, attribute) = Cohort(cohort, period);
        var shown = periods ?? RetentionOptions.Default.Periods;
        if (shown is < 0 or > 104)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid periods", $"periods must be between 0 and 104, got {shown}.");
        }

        var (full, log, version) = await LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        var known = new KnownActivities(full.ActivityNames, ws);
        var returns = (@return ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        known.RequireAll(returns, "return");
        var (churnAfter, churnActivities) = Churn(churn ?? [], known);
        if (attribute is not null && full.FindCaseAttribute(attribute) is null)
        {
            var names = full.CaseAttributes.Select(c => c.Name).ToList();
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown cohort attribute",
                $"cohort=attribute:{attribute}: workspace '{ws}' has no case attribute '{attribute}'.{DidYouMean.Hint(attribute, names)} " +
                (names.Count == 0 ? "Its cases have no attributes; use cohort=week or cohort=month." : $"Case attributes: {string.Join(", ", names)}."),
                new Dictionary<string, object?> { ["attribute"] = attribute });
        }

        var options = new RetentionOptions
        {
            Period = cohortPeriod,
            Periods = shown,
            ReturnActivities = returns,
            CohortAttribute = attribute,
            ChurnAfter = churnAfter,
            ChurnActivities = churnActivities,
        };
        return TypedResults.Ok(await Task.Run(() => RetentionTable.Compute(log, version, options, cancellationToken), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The whole cached log (for names) and the filtered one (for the analysis); a bad filter is a 400 before any loading.</summary>
    private static async Task<(EventLog Full, EventLog Filtered, long Version)> LoadAsync(
        EventLogCache cache, string workspace, IReadOnlyList<string>? filters, string? timeBasis, CancellationToken cancellationToken)
    {
        var basis = LogQuery.ParseTimeBasis(timeBasis);
        var parsed = FilterParser.ParseAll(filters ?? []);
        var (log, version) = await cache.GetAsync(workspace, basis, cancellationToken).ConfigureAwait(false);
        LogQuery.RequireKnownActivities(log, parsed, "filter", workspace);
        return (log, parsed.Count == 0 ? log : FilterPipeline.Apply(log, parsed, cancellationToken), version);
    }

    private static FunnelStep? Step(string? text, string name, KnownActivities known)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        FunnelStep step;
        try
        {
            step = FunnelStep.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid step", $"{name}: {e.Message}");
        }

        known.RequireAll(step.Activities, name);
        return step;
    }

    private static (CohortPeriod Period, string? Attribute) Cohort(string? cohort, string? period)
    {
        const string Prefix = "attribute:";
        CohortPeriod? byPeriod = period switch
        {
            null or "" => null,
            "day" => CohortPeriod.Day,
            "week" => CohortPeriod.Week,
            "month" => CohortPeriod.Month,
            _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid period", $"period must be 'day', 'week' or 'month', got '{period}'."),
        };
        if (cohort is not null && cohort.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var attribute = cohort[Prefix.Length..].Trim();
            if (attribute.Length == 0)
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid cohort", "cohort=attribute:NAME needs the name of a case attribute, for example cohort=attribute:segment.");
            }

            return (byPeriod ?? CohortPeriod.Week, attribute);
        }

        CohortPeriod fromCohort = cohort switch
        {
            null or "" => byPeriod ?? CohortPeriod.Week,
            "day" => CohortPeriod.Day,
            "week" => CohortPeriod.Week,
            "month" => CohortPeriod.Month,
            _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid cohort",
                $"cohort must be 'day', 'week', 'month' (by the period of the first event) or 'attribute:NAME' (by a case attribute), got '{cohort}'."),
        };
        if (byPeriod is { } p && p != fromCohort)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid period",
                $"cohort={cohort} and period={period} disagree; give one of them (period only matters with cohort=attribute:NAME).");
        }

        return (fromCohort, null);
    }

    private static (TimeSpan? After, List<string> Activities) Churn(string[] rules, KnownActivities known)
    {
        TimeSpan? after = null;
        var activities = new List<string>();
        foreach (var rule in rules)
        {
            if (rule.StartsWith("inactive:", StringComparison.Ordinal))
            {
                if (after is not null)
                {
                    throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid churn rule", "Give at most one churn=inactive:DURATION rule.");
                }

                after = DurationParameter.Parse(rule["inactive:".Length..], "churn=inactive");
            }
            else if (rule.StartsWith("event:", StringComparison.Ordinal) && rule.Length > "event:".Length)
            {
                var activity = rule["event:".Length..];
                known.Require(activity, "churn=event");
                activities.Add(activity);
            }
            else
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid churn rule",
                    $"churn must be 'inactive:DURATION' (no event for that long before the end of the log, for example inactive:30d) " +
                    $"or 'event:ACTIVITY' (an explicit cancel, for example event:Cancel subscription); got '{rule}'.");
            }
        }

        return (after, activities);
    }

    private static string Bare(string attribute) =>
        attribute.StartsWith("case.", StringComparison.OrdinalIgnoreCase) ? attribute[5..]
        : attribute.StartsWith("event.", StringComparison.OrdinalIgnoreCase) ? attribute[6..]
        : attribute;

    private static List<string> AttributeNames(EventLog log)
    {
        var names = new List<string>();
        names.AddRange(log.CaseAttributes.Select(c => c.Name));
        names.AddRange(log.EventAttributes.Select(c => c.Name));
        names.AddRange(["resource", "channel", "lifecycle"]);
        return names;
    }

}
