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
            .WithSummary("Records an improvement: title, the outcome filter(s) it should move, from (ISO date-time), optionally segmentAttribute/segmentValue (who got it first), opportunity, change, valuePerUnit and unit. The id is assigned (imp-N).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/improvements/{id}/report", Report).WithName("GetImprovementReport").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Did it work? Difference-in-differences with a bootstrap interval (with a segment) or an interrupted time series with weekday seasonality, a verdict and the value realised so far.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Ok<IReadOnlyList<Improvement>> List(string ws, WorkspaceHost host) =>
        TypedResults.Ok(ImprovementStore.List(host.Get(ws).Folder));

    private static Created<Improvement> Add(string ws, ImprovementRequest request, WorkspaceHost host)
    {
        var outcome = request.Outcome ?? [];
        if (string.IsNullOrWhiteSpace(request.Title) || outcome.Count == 0 || request.From is null)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Incomplete improvement",
                "An improvement needs a title, the outcome filter(s) it should move and the date it took effect (from).");
        }

        _ = FilterParser.ParseAll(outcome);
        if ((request.SegmentAttribute is null) != (request.SegmentValue is null))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Incomplete segment",
                "A segment needs both segmentAttribute and segmentValue.");
        }

        var added = ImprovementStore.Add(host.Get(ws).Folder, new Improvement("", request.Title, request.Opportunity, outcome, request.Change,
            request.From.Value, request.SegmentAttribute, request.SegmentValue, request.ValuePerUnit, request.Unit));
        return TypedResults.Created($"/api/v1/workspaces/{Uri.EscapeDataString(ws)}/improvements/{added.Id}/report", added);
    }

    private static async Task<Ok<ImprovementReport>> Report(
        string ws, string id, string[]? filter, string? timeBasis, WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var list = ImprovementStore.List(host.Get(ws).Folder);
        var improvement = list.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal))
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown improvement",
                $"Workspace '{ws}' has no improvement '{id}'.{DidYouMean.Hint(id, list.Select(i => i.Id))}");
        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        try
        {
            return TypedResults.Ok(await Task.Run(() => ImprovementAnalysis.Report(log, version, improvement, cancellationToken: cancellationToken), cancellationToken)
                .ConfigureAwait(false));
        }
        catch (ArgumentException e)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid improvement", e.Message);
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
internal sealed record ImprovementRequest(
    string? Title,
    IReadOnlyList<string>? Outcome,
    DateTimeOffset? From,
    string? SegmentAttribute,
    string? SegmentValue,
    string? Opportunity,
    string? Change,
    double? ValuePerUnit,
    string? Unit);
