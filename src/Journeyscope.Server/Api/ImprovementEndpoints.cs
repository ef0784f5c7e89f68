using Journeyscope.Agenda;
using Journeyscope.Filters;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Journeyscope.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// Value tracking (docs/value-tracking.md): <c>POST/GET …/improvements</c> record and list improvements, <c>GET
/// …/improvements/{id}/report</c> returns the <see cref="ImprovementReport"/> of <c>journeyscope improvement report</c>.
/// </summary>
internal static class ImprovementEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/improvements", List).WithName("ListImprovements").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The improvements recorded in the workspace, in the order they were added.");
        workspace.MapPost("/improvements", Add).WithName("AddImprovement").RequireWorkspaceRole(WorkspaceRole.Analyst)
            .WithSummary("Records an improvement: title, the KPI it should move (outcome filter(s), or kpi with journey: a journey KPI id), from (ISO date-time), optionally segmentAttribute/segmentValue (who got it first), opportunity, change, valuePerUnit and unit (for a journey KPI, by default its value: entry). The id is assigned (imp-N).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/improvements/{id}/report", Report).WithName("GetImprovementReport").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Did it work? Difference-in-differences with a bootstrap interval (with a segment) or an interrupted time series with weekday seasonality, a verdict and the value realised so far.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Ok<IReadOnlyList<Improvement>> List(string ws, WorkspaceHost host) =>
        TypedResults.Ok(ImprovementStore.List(host.Get(ws).Folder));

    private static async Task<Created<Improvement>> Add(string ws, ImprovementRequest request, WorkspaceHost host, CancellationToken cancellationToken)
    {
        var outcome = request.Outcome ?? [];
        var kpi = string.IsNullOrWhiteSpace(request.Kpi) ? null : request.Kpi.Trim();
        if (string.IsNullOrWhiteSpace(request.Title) || (outcome.Count == 0 && kpi is null) || request.From is null)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Incomplete improvement",
                "An improvement needs a title, the KPI it should move (outcome filter(s), or kpi and journey) and the date it took effect (from).");
        }

        if (outcome.Count > 0 && kpi is not null)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Two measures",
                "Name the KPI the improvement should move once: either outcome filter(s) or a journey KPI (kpi and journey), not both.");
        }

        string? journeyId = null;
        if (kpi is not null)
        {
            if (string.IsNullOrWhiteSpace(request.Journey))
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, "Missing journey", "kpi names a KPI of a journey: name the journey too (journey=<id>).");
            }

            var designed = await JourneyEndpoints.ReadValidAsync(host, ws, request.Journey, cancellationToken).ConfigureAwait(false);
            if (!designed.Kpis.Any(k => string.Equals(k.Id, kpi, StringComparison.Ordinal)))
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown KPI",
                    $"Journey '{designed.Id}' has no KPI '{kpi}'.{DidYouMean.Hint(kpi, designed.Kpis.Select(k => k.Id))}");
            }

            journeyId = designed.Id;
        }

        _ = FilterParser.ParseAll(outcome);
        var segmentAttribute = string.IsNullOrWhiteSpace(request.SegmentAttribute) ? null : request.SegmentAttribute.Trim();
        var segmentValue = string.IsNullOrWhiteSpace(request.SegmentValue) ? null : request.SegmentValue.Trim();
        if ((segmentAttribute is null) != (segmentValue is null))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Incomplete segment",
                "A segment needs both segmentAttribute and segmentValue.");
        }

        var added = ImprovementStore.Add(host.Get(ws).Folder, new Improvement("", request.Title, Blank(request.Opportunity), outcome, Blank(request.Change),
            request.From.Value, segmentAttribute, segmentValue, request.ValuePerUnit, Blank(request.Unit))
        { Kpi = kpi, Journey = journeyId });
        return TypedResults.Created($"/api/v1/workspaces/{Uri.EscapeDataString(ws)}/improvements/{added.Id}/report", added);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static async Task<Ok<ImprovementReport>> Report(
        string ws, string id, string[]? filter, string? timeBasis, WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var list = ImprovementStore.List(host.Get(ws).Folder);
        var improvement = list.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal))
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown improvement",
                $"Workspace '{ws}' has no improvement '{id}'.{DidYouMean.Hint(id, list.Select(i => i.Id))}");
        var journey = improvement is { Kpi: not null, Journey: { } journeyId }
            ? await JourneyEndpoints.ReadValidAsync(host, ws, journeyId, cancellationToken).ConfigureAwait(false)
            : null;
        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        try
        {
            return TypedResults.Ok(await Task.Run(() => ImprovementAnalysis.Report(log, version, improvement, journey, cancellationToken: cancellationToken), cancellationToken)
                .ConfigureAwait(false));
        }
        catch (ArgumentException e)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid improvement", e.Message);
        }
        catch (Kpis.KpiException e)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Invalid KPI", e.Message);
        }
    }
}

/// <summary>The body of <c>POST …/improvements</c>: an <see cref="Improvement"/> without its id.</summary>
/// <param name="Title">What the improvement is.</param>
/// <param name="Outcome">The outcome filter(s) it should move.</param>
/// <param name="From">When it took effect.</param>
/// <param name="SegmentAttribute">The attribute of the segment that got it first.</param>
/// <param name="SegmentValue">That segment's value.</param>
/// <param name="Opportunity">What it is linked to.</param>
/// <param name="Change">What changed.</param>
/// <param name="ValuePerUnit">What one more case with the outcome is worth.</param>
/// <param name="Unit">The unit of the value.</param>
/// <param name="Kpi">Instead of <paramref name="Outcome"/>: the id of the journey KPI it should move.</param>
/// <param name="Journey">The journey <paramref name="Kpi"/> belongs to.</param>
internal sealed record ImprovementRequest(
    string? Title,
    IReadOnlyList<string>? Outcome,
    DateTimeOffset? From,
    string? SegmentAttribute,
    string? SegmentValue,
    string? Opportunity,
    string? Change,
    double? ValuePerUnit,
    string? Unit,
    string? Kpi = null,
    string? Journey = null);
