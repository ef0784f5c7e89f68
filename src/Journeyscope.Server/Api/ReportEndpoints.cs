using System.Text;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Reports;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>
/// The self-contained HTML report of a workspace (docs/web.md): the same <see cref="ReportBuilder"/> and
/// <see cref="HtmlReport"/> as <c>journeyscope report</c>, with the web UI's script bundle inlined.
/// </summary>
internal static class ReportEndpoints
{
    private const string BundlePath = "js/journeyscope.js";

    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/report", Get).WithName("GetReport").RequireWorkspaceRole(WorkspaceRole.Viewer).Audited("export")
            .WithSummary("The HTML report (one self-contained file that prints to PDF): KPIs, conformance and deviations, process map with the sliders, " +
                "variants, value stream, funnel and voice of the customer.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> Get(
        string ws, string? journey, double? activities, double? paths, int? top, string[]? step, string? scoreAttribute, string? commentAttribute,
        string[]? filter, string? timeBasis, WorkspaceHost host, EventLogCache cache, IWebHostEnvironment environment, CancellationToken cancellationToken)
    {
        var activityShare = LogQuery.Share(activities, "activities");
        var pathShare = LogQuery.Share(paths, "paths");
        var variants = LogQuery.Positive(top, ReportOptions.Default.TopVariants, 1000, "top");
        var bundle = await BundleAsync(environment, cancellationToken).ConfigureAwait(false);
        var designed = string.IsNullOrWhiteSpace(journey)
            ? await FirstValidJourneyAsync(host, ws, cancellationToken).ConfigureAwait(false)
            : await JourneyEndpoints.ReadValidAsync(host, ws, journey.Trim(), cancellationToken).ConfigureAwait(false);
        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        var options = new ReportOptions
        {
            ActivityShare = activityShare,
            PathShare = pathShare,
            TopVariants = variants,
            Journey = designed,
            FunnelSteps = step is { Length: > 0 } ? step : null,
            ScoreAttribute = Attribute(log, ws, scoreAttribute, ReportOptions.Default.ScoreAttribute, "scoreAttribute"),
            CommentAttribute = Attribute(log, ws, commentAttribute, ReportOptions.Default.CommentAttribute, "commentAttribute"),
            Filters = filter ?? [],
            Version = version,
            GeneratedAt = TimeProvider.System.GetUtcNow(),
            Title = $"Journeyscope report: {ws}",
        };
        ReportData data;
        try
        {
            data = await Task.Run(() => ReportBuilder.Build(log, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid report", e.Message);
        }
        catch (Exception e) when (e is KpiException or KpiExpressionException)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Invalid KPI",
                $"Journey '{designed?.Id}' has KPIs that cannot be computed: {e.Message} See docs/kpis.md for each kind's parameters.");
        }

        var html = Encoding.UTF8.GetBytes(HtmlReport.Render(data, bundle));
        return TypedResults.File(html, "text/html; charset=utf-8", $"journeyscope-report-{ws}.html");
    }

    /// <summary>The workspace's first journey (by id) without errors, or null when it has none.</summary>
    private static async Task<DesignedJourney?> FirstValidJourneyAsync(WorkspaceHost host, string ws, CancellationToken cancellationToken)
    {
        foreach (var id in JourneyFiles.Ids(host.Get(ws).JourneysFolder))
        {
            try
            {
                return await JourneyEndpoints.ReadValidAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiProblemException)
            {
                // An invalid journey is left out of the default choice; asked for by id, it is a 422.
            }
        }

        return null;
    }

    /// <summary>A name given explicitly must be an event attribute (400 listing them); the default may be missing (the report notes it).</summary>
    private static string Attribute(EventLog log, string ws, string? given, string fallback, string parameter)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return fallback;
        }

        var name = given.Trim();
        return log.FindEventAttribute(name) is not null
            ? name
            : throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown attribute",
                $"{parameter}='{name}' is not an event attribute of workspace '{ws}'. Use one of: {KpiEndpoints.Attributes(log)}.");
    }

    private static async Task<string> BundleAsync(IWebHostEnvironment environment, CancellationToken cancellationToken)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(BundlePath);
        if (!file.Exists)
        {
            throw new ApiProblemException(StatusCodes.Status503ServiceUnavailable, "Report unavailable",
                "This build of the server has no web UI bundle (wwwroot/js/journeyscope.js), which the report inlines. Build src/Journeyscope.Server with Node.js 20+.");
        }

        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
