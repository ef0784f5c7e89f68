using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Partitions;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// The KPIs of a designed journey (docs/kpis.md): value, target and status, the trend per period, segments, and the
/// KPI tree's measured associations. The figures are those of <c>journeyscope kpi --journey … --format json</c>. A followed
/// workspace's whole log is answered from partials (<see cref="LiveAnswers.Kpis"/>, <see cref="LiveAnswers.KpiTree"/>).
/// </summary>
internal static class KpiEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/journeys/{id}/kpis", List).WithName("GetJourneyKpis").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Every KPI of the journey: definition, value, target, status, the trend per period and (with by) the value per segment.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workspace.MapGet("/journeys/{id}/kpis/tree", Tree).WithName("GetJourneyKpiTree").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The KPI tree: each parent KPI on vs off its driver's target, the difference and its 95% interval.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<JourneyKpis>> List(
        string ws, string id, string? period, string? by, string[]? filter, string? timeBasis,
        WorkspaceHost host, EventLogCache cache, LiveLogCache live, CancellationToken cancellationToken)
    {
        var trendPeriod = ParsePeriod(period);
        var (journey, journeyVersion) = await JourneyEndpoints.ReadValidWithVersionAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        var segmentBy = string.IsNullOrWhiteSpace(by) ? null : by.Trim();

        // A followed workspace's whole log from partials; an unknown attribute or name goes the store path, which names it.
        if (await Compute(journey, () => LiveAnswers.AnswerAsync(live, ws, filter, timeBasis,
                log => Known(log, journey, segmentBy) ? LiveAnswers.Kpis(journey, journeyVersion, segmentBy, trendPeriod, cancellationToken) : null,
                cancellationToken)).ConfigureAwait(false) is { } answered)
        {
            return TypedResults.Ok(answered);
        }

        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        if (segmentBy is not null && !HasAttribute(log, segmentBy))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown attribute",
                $"by='{segmentBy}' is neither a case nor an event attribute of workspace '{ws}'. Use one of: {Attributes(log)}.");
        }

        RequireKnownNames(log, journey);
        return TypedResults.Ok(await Task.Run(
            () => Compute(journey, () => JourneyKpis.Compute(log, journey, version, trendPeriod, segmentBy, cancellationToken)),
            cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Ok<JourneyKpiTree>> Tree(
        string ws, string id, string[]? filter, string? timeBasis, WorkspaceHost host, EventLogCache cache, LiveLogCache live,
        CancellationToken cancellationToken)
    {
        var (journey, journeyVersion) = await JourneyEndpoints.ReadValidWithVersionAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        if (await Compute(journey, () => LiveAnswers.AnswerAsync(live, ws, filter, timeBasis,
                log => Known(log, journey, null) ? LiveAnswers.KpiTree(journey, journeyVersion, cancellationToken) : null,
                cancellationToken)).ConfigureAwait(false) is { } answered)
        {
            return TypedResults.Ok(answered);
        }

        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        RequireKnownNames(log, journey);
        return TypedResults.Ok(await Task.Run(
            () => Compute(journey, () => JourneyKpiTree.Compute(log, journey, version, cancellationToken)), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Whether <paramref name="by"/> (when given) and every event name of the journey's KPIs are known to <paramref name="log"/>.</summary>
    private static bool Known(PartitionedEventLog log, DesignedJourney journey, string? by) =>
        (by is null || LiveAnswers.HasAttribute(log, by)) && KpiNames.Unknown(LiveAnswers.ActivityNames(log), journey).Count == 0;

    /// <summary>
    /// A 422 naming the KPI, the unknown name and the closest known one when a KPI names events neither the journey nor
    /// the log has (<see cref="KpiNames"/>): it would otherwise silently answer noData.
    /// </summary>
    private static void RequireKnownNames(EventLog log, DesignedJourney journey)
    {
        var unknown = KpiNames.Unknown(log, journey);
        if (unknown.Count == 0)
        {
            return;
        }

        var first = unknown[0];
        throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Unknown name in a KPI",
            string.Join(" ", unknown.Select(u => u.Message)),
            new Dictionary<string, object?> { ["kpi"] = first.Kpi, ["name"] = first.Name, ["suggestion"] = first.Suggestion, ["unknownNames"] = unknown });
    }

    private static T Compute<T>(DesignedJourney journey, Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (Exception e) when (e is KpiException or KpiExpressionException)
        {
            throw Invalid(journey, e);
        }
    }

    private static async Task<T> Compute<T>(DesignedJourney journey, Func<Task<T>> compute)
    {
        try
        {
            return await compute().ConfigureAwait(false);
        }
        catch (Exception e) when (e is KpiException or KpiExpressionException)
        {
            throw Invalid(journey, e);
        }
    }

    /// <summary>The 422 of a journey whose KPIs cannot be computed.</summary>
    private static ApiProblemException Invalid(DesignedJourney journey, Exception e) =>
        new(StatusCodes.Status422UnprocessableEntity, "Invalid KPI",
            $"Journey '{journey.Id}' has KPIs that cannot be computed: {e.Message} See docs/kpis.md for each kind's parameters.");

    internal static KpiPeriod ParsePeriod(string? text) => text switch
    {
        null or "" => JourneyKpis.DefaultPeriod,
        "none" => KpiPeriod.None,
        "day" => KpiPeriod.Day,
        "week" => KpiPeriod.Week,
        "month" => KpiPeriod.Month,
        "quarter" => KpiPeriod.Quarter,
        "year" => KpiPeriod.Year,
        _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid period",
            $"period must be none, day, week, month (the default), quarter or year, got '{text}'."),
    };

    /// <summary>Whether segments can be made of <paramref name="name"/>: a case attribute, an event attribute, or channel/resource/lifecycle.</summary>
    internal static bool HasAttribute(EventLog log, string name) =>
        log.FindCaseAttribute(name) is not null || log.FindEventAttribute(name) is not null || name switch
        {
            "channel" => log.Channel is not null,
            "resource" => log.Resource is not null,
            "lifecycle" => log.Lifecycle is not null,
            _ => false,
        };

    internal static string Attributes(EventLog log)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var column in log.CaseAttributes)
        {
            names.Add(column.Name);
        }

        foreach (var column in log.EventAttributes)
        {
            names.Add(column.Name);
        }

        foreach (var (name, column) in new (string, StringColumn?)[] { ("channel", log.Channel), ("resource", log.Resource), ("lifecycle", log.Lifecycle) })
        {
            if (column is not null)
            {
                names.Add(name);
            }
        }

        return names.Count == 0 ? "(the log has no attributes)" : string.Join(", ", names);
    }
}
