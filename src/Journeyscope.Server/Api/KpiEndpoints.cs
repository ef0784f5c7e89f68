using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// The KPIs of a designed journey (docs/kpis.md): value, target and status, the trend per period, segments, and the
/// KPI tree's measured associations. The figures are those of <c>journeyscope kpi --journey … --format json</c>.
/// </summary>
internal static class KpiEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/journeys/{id}/kpis", List).WithName("GetJourneyKpis")
            .WithSummary("Every KPI of the journey: definition, value, target, status, the trend per period and (with by) the value per segment.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workspace.MapGet("/journeys/{id}/kpis/tree", Tree).WithName("GetJourneyKpiTree")
            .WithSummary("The KPI tree: each parent KPI on vs off its driver's target, the difference and its 95% interval.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<KpisResponse>> List(
        string ws, string id, string? period, string? by, string[]? filter, string? timeBasis,
        WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var trendPeriod = ParsePeriod(period);
        var journey = await JourneyEndpoints.ReadValidAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        var segmentBy = string.IsNullOrWhiteSpace(by) ? null : by.Trim();
        if (segmentBy is not null && !HasAttribute(log, segmentBy))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown attribute",
                $"by='{segmentBy}' is neither a case nor an event attribute of workspace '{ws}'. Use one of: {Attributes(log)}.");
        }

        if (journey.Kpis.Count == 0)
        {
            return TypedResults.Ok(new KpisResponse(journey.Id, LogQuery.Name(log.TimeBasis), version, log.CaseCount, Name(trendPeriod), segmentBy, []));
        }

        var (trend, segments) = await Task.Run(() =>
        {
            var overall = Compute(log, journey, new KpiOptions { Period = trendPeriod, Associations = false }, cancellationToken);
            var bySegment = segmentBy is null ? null : Compute(log, journey, new KpiOptions { SegmentBy = segmentBy, Associations = false }, cancellationToken);
            return (overall, bySegment);
        }, cancellationToken).ConfigureAwait(false);

        var items = new List<KpiItem>(trend.Kpis.Count);
        for (var i = 0; i < trend.Kpis.Count; i++)
        {
            var kpi = trend.Kpis[i];
            var definition = journey.Kpis[i];
            items.Add(new KpiItem(
                kpi.Id, kpi.Name, kpi.Kind, KpiText.Category(kpi.Category), Definition(definition), KpiText.Unit(kpi.Unit),
                KpiText.Finite(kpi.Overall.Value), KpiText.Format(kpi.Overall.Value, kpi.Unit), kpi.Target?.Text, KpiText.Status(kpi.Overall.Status),
                kpi.Overall.SampleSize,
                [.. kpi.Series.Select(v => new KpiPeriodValue(v.Period ?? "", Start(v.PeriodStart), KpiText.Finite(v.Value), KpiText.Format(v.Value, kpi.Unit),
                    KpiText.Status(v.Status), v.SampleSize))],
                segments is null ? [] : [.. segments.Kpis[i].Series.Select(v => new KpiSegmentValue(v.Segment ?? "", KpiText.Finite(v.Value),
                    KpiText.Format(v.Value, kpi.Unit), KpiText.Status(v.Status), v.SampleSize))],
                kpi.Notes));
        }

        return TypedResults.Ok(new KpisResponse(journey.Id, LogQuery.Name(log.TimeBasis), version, trend.CaseCount, Name(trendPeriod), segmentBy, items));
    }

    private static async Task<Ok<KpiTreeResponse>> Tree(
        string ws, string id, string[]? filter, string? timeBasis, WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var journey = await JourneyEndpoints.ReadValidAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        if (journey.Kpis.Count == 0)
        {
            return TypedResults.Ok(new KpiTreeResponse(journey.Id, LogQuery.Name(log.TimeBasis), version, log.CaseCount, []));
        }

        var report = await Task.Run(() => Compute(log, journey, new KpiOptions { Associations = true }, cancellationToken), cancellationToken).ConfigureAwait(false);
        var byId = report.Kpis.ToDictionary(k => k.Id, StringComparer.Ordinal);
        var links = report.Tree.Select(l =>
        {
            var parent = byId[l.ParentId];
            var unit = parent.Unit;
            return new KpiTreeLink(
                l.ParentId, parent.Name, l.DriverId, byId[l.DriverId].Name, l.Split,
                KpiText.Finite(l.MetValue), l.MetCases, KpiText.Finite(l.MissedValue), l.MissedCases,
                KpiText.Finite(l.Difference), KpiText.Finite(l.Lower), KpiText.Finite(l.Upper), l.Method, l.Significant,
                KpiText.Format(l.MetValue, unit), KpiText.Format(l.MissedValue, unit), KpiText.Format(l.Difference, unit),
                $"[{KpiText.Format(l.Lower, unit)}, {KpiText.Format(l.Upper, unit)}]");
        }).ToList();
        return TypedResults.Ok(new KpiTreeResponse(journey.Id, LogQuery.Name(log.TimeBasis), version, report.CaseCount, links));
    }

    private static KpiReport Compute(EventLog log, DesignedJourney journey, KpiOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return KpiEngine.Compute(log, journey, options, cancellationToken);
        }
        catch (Exception e) when (e is KpiException or KpiExpressionException)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Invalid KPI",
                $"Journey '{journey.Id}' has KPIs that cannot be computed: {e.Message} See docs/kpis.md for each kind's parameters.");
        }
    }

    internal static KpiPeriod ParsePeriod(string? text) => text switch
    {
        null or "" => KpiPeriod.Month,
        "none" => KpiPeriod.None,
        "day" => KpiPeriod.Day,
        "week" => KpiPeriod.Week,
        "month" => KpiPeriod.Month,
        "quarter" => KpiPeriod.Quarter,
        "year" => KpiPeriod.Year,
        _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid period",
            $"period must be none, day, week, month (the default), quarter or year, got '{text}'."),
    };

    private static string Name(KpiPeriod period) => period.ToString().ToLowerInvariant();

    private static string Definition(JourneyKpi kpi) =>
        KpiCatalogue.Find(kpi.Kind) is { } kind ? kind.Definition : "Custom: " + (kpi.Expression ?? "");

    private static DateTimeOffset? Start(DateTime? start) => start is { } s ? new DateTimeOffset(s.Ticks, TimeSpan.Zero) : null;

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
