using Journeyscope.Agenda;
using Journeyscope.EventLogs;
using Journeyscope.Kpis;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Journeyscope.Statistics;

namespace Journeyscope.Server.Api;

/// <summary>
/// The improvement agenda of a designed journey (docs/agenda.md): the record of <c>journeyscope agenda --format json</c>,
/// or its CSV, Markdown and issue-tracker exports, and the case ids of one opportunity for the drill-down.
/// </summary>
internal static class AgendaEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/agenda", Get).WithName("GetAgenda").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The quantified, prioritised improvement agenda of a journey (journey=id; by=attributes; top=N; period; seed; minSupport; format=json|csv|md|tracker).")
            .Produces<AgendaResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workspace.MapGet("/agenda/opportunities/{opportunity}/cases", Cases).WithName("GetAgendaOpportunityCases").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The case ids of one opportunity of the agenda (its id, e.g. inserted:pay@device=android-app), for the cases page.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Get(
        string ws, string? journey, string? by, int? top, string? period, int? seed, int? minSupport, string? format, string[]? filter, string? timeBasis,
        WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var (designed, log, version, options) = await LoadAsync(ws, journey, by, top, period, seed, filter, timeBasis, host, cache, cancellationToken).ConfigureAwait(false);
        if (minSupport is { } support)
        {
            options = new AgendaOptions
            {
                AdjustFor = options.AdjustFor,
                Period = options.Period,
                Top = options.Top,
                Bootstrap = options.Bootstrap,
                MinimumSupport = LogQuery.Positive(support, AgendaOptions.Default.MinimumSupport, int.MaxValue, "minSupport"),
            };
        }

        AgendaResult agenda;
        try
        {
            agenda = await Task.Run(() => AgendaAnalysis.Compute(log, designed, version, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (KpiException e)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Invalid KPI", e.Message);
        }

        return format switch
        {
            null or "" or "json" => TypedResults.Ok(agenda),
            "csv" => TypedResults.Text(AgendaExport.Csv(agenda), "text/csv"),
            "tracker" => TypedResults.Text(AgendaExport.Tracker(agenda), "text/csv"),
            "md" => TypedResults.Text(AgendaExport.Markdown(agenda), "text/markdown"),
            _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid format", $"format must be json, csv, md or tracker, got '{format}'."),
        };
    }

    private static async Task<IResult> Cases(
        string ws, string opportunity, string? journey, string? by, string[]? filter, string? timeBasis,
        WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var (designed, log, _, options) = await LoadAsync(ws, journey, by, null, null, null, filter, timeBasis, host, cache, cancellationToken).ConfigureAwait(false);
        var ids = await Task.Run(() => AgendaAnalysis.CaseIds(log, designed, opportunity, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        return ids.Count == 0
            ? throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown opportunity", $"The agenda of journey '{designed.Id}' has no opportunity '{opportunity}'.")
            : TypedResults.Ok(ids);
    }

    private static async Task<(Journeys.DesignedJourney Journey, EventLog Log, long Version, AgendaOptions Options)> LoadAsync(
        string ws, string? journey, string? by, int? top, string? period, int? seed, string[]? filter, string? timeBasis,
        WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(journey))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Missing journey", "Name the journey: journey=<id> (GET …/journeys lists them).");
        }

        var designed = await JourneyEndpoints.ReadValidAsync(host, ws, journey, cancellationToken).ConfigureAwait(false);
        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        if (AgendaAnalysis.CustomerProblem(log, designed) is { } problem)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Invalid journey", problem);
        }

        var attributes = (by ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var attribute in attributes)
        {
            if (log.FindCaseAttribute(attribute) is null)
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown attribute",
                    $"by='{attribute}' is not a case attribute of workspace '{ws}'.{NameSuggestions.Hint(attribute, log.CaseAttributes.Select(c => c.Name).ToList())}");
            }
        }

        var kpiPeriod = period switch
        {
            null or "" or "month" => KpiPeriod.Month,
            "day" => KpiPeriod.Day,
            "week" => KpiPeriod.Week,
            "quarter" => KpiPeriod.Quarter,
            "year" => KpiPeriod.Year,
            _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid period", $"period must be day, week, month, quarter or year, got '{period}'."),
        };
        var options = new AgendaOptions
        {
            AdjustFor = attributes,
            Period = kpiPeriod,
            Top = LogQuery.Positive(top, AgendaOptions.Default.Top, int.MaxValue, "top"),
            Bootstrap = new BootstrapOptions { Seed = seed ?? BootstrapOptions.Default.Seed },
        };
        return (designed, log, version, options);
    }
}
