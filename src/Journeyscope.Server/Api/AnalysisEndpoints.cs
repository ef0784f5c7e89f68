using Journeyscope.Discovery;
using Journeyscope.Performance;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// Analyses of the cached, filtered log: summary, process map, variants, performance and bottlenecks. Each takes
/// repeated <c>filter</c> parameters (docs/filters.md) and <c>timeBasis</c> (<c>utc</c> or <c>wall-clock</c>), and
/// returns the same figures as the matching CLI command. For a followed workspace's whole log the variants come from the
/// live snapshot and performance, throughput and bottlenecks from partials (<see cref="LiveAnswers"/>); the rest, and every
/// filtered request, from <see cref="EventLogCache"/> (docs/web.md#which-path-answers-what).
/// </summary>
internal static class AnalysisEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/summary", Summary).WithName("GetSummary").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Cases, events, activities, variants, time range and case durations of the filtered log.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/process-map", GetProcessMap).WithName("GetProcessMap").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The process map (directly-follows graph) with the activity and path sliders (missing: 1, or with sliders=readable the readable default): nodes, edges, start and end edges.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/variants", Variants).WithName("GetVariants").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The most frequent variants with share, coverage and durations.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/performance", GetPerformance).WithName("GetPerformance").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The value stream: lead, processing and waiting time, flow efficiency, steps in process order, per hand-over, throughput.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/throughput", GetThroughput).WithName("GetThroughput").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Performance by period: cases started, completed and in progress per day or week (the throughput of GET …/performance on its own).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/bottlenecks", Bottlenecks).WithName("GetBottlenecks").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Hand-overs ranked by the total waiting time they cost.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Ok<LogSummary>> Summary(
        string ws, string[]? filter, string? timeBasis, EventLogCache cache, CancellationToken cancellationToken)
    {
        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(LogSummary.From(log, DiscoveryResult.Discover(log, DiscoveryOptions.Default, cancellationToken), version));
    }

    private static async Task<Ok<ProcessMapResult>> GetProcessMap(
        string ws, double? activities, double? paths, string? sliders, string[]? filter, string? timeBasis, EventLogCache cache,
        AnalysisCache analyses, CancellationToken cancellationToken)
    {
        // sliders=readable: a missing slider takes the readable default of ProcessMapDefaults (what the page opens at);
        // without it a missing slider is 1, the full map, as `journeyscope discover` draws it.
        var readable = sliders switch
        {
            null or "" or "full" => false,
            "readable" => true,
            _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid sliders",
                $"sliders must be 'readable' (a missing slider takes the readable default) or 'full' (a missing slider is 1), got '{sliders}'."),
        };
        double? activityShare = activities is null && readable ? null : LogQuery.Share(activities, "activities");
        double? pathShare = paths is null && readable ? null : LogQuery.Share(paths, "paths");
        var cached = await LogQuery.LoadCachedAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await ProcessMapJson.BuildAsync(cached, analyses, activityShare, pathShare, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Ok<VariantsResult>> Variants(
        string ws, int? top, string[]? filter, string? timeBasis, EventLogCache cache, LiveLogCache live, CancellationToken cancellationToken)
    {
        var n = LogQuery.Positive(top, VariantsResult.DefaultTop, int.MaxValue, "top");

        // A followed workspace's whole log: the live snapshot holds the variants, kept up to date per changed partition.
        if (LiveAnswers.IsWholeLog(filter, timeBasis)
            && await live.GetIfFollowedAsync(ws, cancellationToken).ConfigureAwait(false) is { } followed)
        {
            return TypedResults.Ok(LiveAnswers.Variants(followed.Snapshot, n));
        }

        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(VariantsResult.From(VariantSet.Discover(log, cancellationToken: cancellationToken), log.TimeBasis, version, n));
    }

    private static async Task<Ok<PerformanceResult>> GetPerformance(
        string ws, string? granularity, string? journey, string[]? filter, string? timeBasis, EventLogCache cache, WorkspaceHost host,
        LiveLogCache live, CancellationToken cancellationToken)
    {
        var period = Period(granularity);
        var (designed, journeyVersion) = string.IsNullOrWhiteSpace(journey)
            ? (null, null)
            : await JourneyEndpoints.ReadValidWithVersionAsync(host, ws, journey, cancellationToken).ConfigureAwait(false);

        // A followed workspace's whole log: partials per segment, only the changed partitions measured again.
        if (await LiveAnswers.AnswerAsync(live, ws, filter, timeBasis, _ => LiveAnswers.Performance(designed, journeyVersion, period), cancellationToken)
            .ConfigureAwait(false) is { } answered)
        {
            return TypedResults.Ok(answered);
        }

        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(PerformanceResult.Analyze(log, version, ValueStreamOptions.Default, period, designed, cancellationToken));
    }

    private static async Task<Ok<ThroughputReport>> GetThroughput(
        string ws, string? granularity, string[]? filter, string? timeBasis, EventLogCache cache, LiveLogCache live, CancellationToken cancellationToken)
    {
        var period = Period(granularity);

        // A followed workspace's whole log: per-day partials, only the changed partitions mapped again.
        if (await LiveAnswers.AnswerAsync(live, ws, filter, timeBasis, _ => LiveAnswers.Throughput(period), cancellationToken).ConfigureAwait(false)
            is { } answered)
        {
            return TypedResults.Ok(answered);
        }

        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ThroughputReport.From(Throughput.Analyze(log, period, cancellationToken), log.TimeBasis, version, log.CaseCount));
    }

    private static Granularity Period(string? granularity) => granularity switch
    {
        null or "" or "week" => Granularity.Week,
        "day" => Granularity.Day,
        _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid granularity", $"granularity must be 'day' or 'week', got '{granularity}'."),
    };

    private static async Task<Ok<BottlenecksResult>> Bottlenecks(
        string ws, int? top, string[]? filter, string? timeBasis, EventLogCache cache, LiveLogCache live, CancellationToken cancellationToken)
    {
        var n = LogQuery.Positive(top, BottlenecksResult.DefaultTop, int.MaxValue, "top");
        if (await LiveAnswers.AnswerAsync(live, ws, filter, timeBasis, _ => LiveAnswers.Bottlenecks(n), cancellationToken).ConfigureAwait(false)
            is { } answered)
        {
            return TypedResults.Ok(answered);
        }

        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(BottlenecksResult.Analyze(log, version, ValueStreamOptions.Default, n, cancellationToken));
    }
}
