using Journeyscope.Agenda;
using Journeyscope.Canvas;
using Journeyscope.Kpis;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>
/// The lifecycle canvas and capability map of a journey (docs/canvas.md): the record of
/// <c>journeyscope journey canvas --format json</c>, or its Markdown.
/// </summary>
internal static class CanvasEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/journeys/{id}/canvas", Get).WithName("GetJourneyCanvas").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The lifecycle canvas per stage with the agenda's measured opportunities beside the workshop's notes, and the capability heat map (top=N opportunities; minSupport=cases; format=json|md).")
            .Produces<CanvasResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> Get(
        string ws, string id, int? top, int? minSupport, string? format, string[]? filter, string? timeBasis,
        WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        if (format is not (null or "" or "json" or "md"))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid format", $"format must be json or md, got '{format}'.");
        }

        var n = LogQuery.Positive(top, JourneyCanvas.DefaultTop, int.MaxValue, "top");
        var support = LogQuery.Positive(minSupport, AgendaOptions.Default.MinimumSupport, int.MaxValue, "minSupport");
        var designed = await JourneyEndpoints.ReadValidAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        CanvasResult canvas;
        try
        {
            canvas = await Task.Run(() => JourneyCanvas.Compute(log, designed, version, n, support, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (KpiException e)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Invalid KPI", e.Message);
        }

        return format == "md" ? TypedResults.Text(CanvasExport.Markdown(canvas), "text/markdown") : TypedResults.Ok(canvas);
    }
}
