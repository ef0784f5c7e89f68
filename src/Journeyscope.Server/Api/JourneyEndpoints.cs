using System.Text;
using Journeyscope.EventLogs;
using Journeyscope.IO.Journeys;
using Journeyscope.Journeys;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// Designed journeys as YAML files in the workspace's <c>journeys/</c> folder: list with diagnostics, read and write
/// the raw text (validated before it is saved), and validate against the workspace's events.
/// </summary>
internal static class JourneyEndpoints
{
    private const string YamlContentType = "application/yaml";

    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/journeys", List).WithName("ListJourneys").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("The designed journeys with their validation diagnostics.");
        workspace.MapGet("/journeys/{id}", Get).WithName("GetJourney").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("A journey's YAML text.")
            .Produces<string>(StatusCodes.Status200OK, YamlContentType).ProducesProblem(StatusCodes.Status404NotFound);
        workspace.MapPut("/journeys/{id}", Put).WithName("PutJourney").RequireWorkspaceRole(WorkspaceRole.Analyst).Audited("journey-edited")
            .WithSummary("Saves a journey's YAML text (request body) after validating it; a journey with errors is refused with its diagnostics. " +
                "If-Match (the ETag of GET) refuses the save with 412 when the file changed since; If-None-Match: * only creates.")
            .Accepts<string>(YamlContentType, "text/yaml", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workspace.MapGet("/journeys/{id}/model", Model).WithName("GetJourneyModel").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("A journey as JSON: stages, touchpoints with their lanes, the designed flow, KPIs and time targets.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workspace.MapGet("/journeys/{id}/validation", Validation).WithName("ValidateJourney").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Every problem of a journey, including touchpoints that match no event of the workspace.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        JourneyEditEndpoints.Map(workspace);
    }

    private static async Task<Ok<JourneyList>> List(string ws, WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var folder = host.Get(ws).JourneysFolder;
        var log = await LogAsync(ws, cache, cancellationToken).ConfigureAwait(false);
        var journeys = new List<JourneyValidation>();
        foreach (var id in JourneyFiles.Ids(folder))
        {
            var text = await File.ReadAllTextAsync(JourneyFiles.PathOf(folder, id), cancellationToken).ConfigureAwait(false);
            journeys.Add(Validate(id, text, log));
        }

        return TypedResults.Ok(new JourneyList(journeys));
    }

    private static async Task<IResult> Get(string ws, string id, WorkspaceHost host, HttpResponse response, CancellationToken cancellationToken)
    {
        var (text, version) = await JourneyFileStore.ReadAsync(ExistingPath(host, ws, id), cancellationToken).ConfigureAwait(false);
        response.Headers.ETag = version;
        return TypedResults.Text(text, YamlContentType, Encoding.UTF8);
    }

    private static async Task<Ok<JourneyValidation>> Put(
        string ws, string id, HttpRequest request, HttpResponse response, WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var path = PathOf(host, ws, id);
        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Empty journey",
                "Send the journey's YAML as the request body (Content-Type: application/yaml); docs/journeys.md describes the format.");
        }

        var validation = Validate(id, text, await LogAsync(ws, cache, cancellationToken).ConfigureAwait(false));
        if (!validation.Valid)
        {
            var first = validation.Diagnostics.First(d => d.Severity == "error");
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Invalid journey",
                $"The journey was not saved: {validation.Diagnostics.Count(d => d.Severity == "error")} error(s); the first, at line {first.Line}, " +
                $"column {first.Column}: {first.Code} {first.Message}" + (first.Hint is null ? "." : $" ({first.Hint})."),
                new Dictionary<string, object?> { ["diagnostics"] = validation.Diagnostics });
        }

        // If-Match / If-None-Match: a save based on an older version of the file is refused (412), not silently merged.
        response.Headers.ETag = await JourneyFileStore.WriteAsync(
            path, request.Headers.IfMatch, request.Headers.IfNoneMatch, _ => Task.FromResult(text), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(validation);
    }

    private static async Task<Ok<JourneyValidation>> Validation(
        string ws, string id, WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(ExistingPath(host, ws, id), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Validate(id, text, await LogAsync(ws, cache, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<Ok<JourneyModel>> Model(string ws, string id, WorkspaceHost host, HttpResponse response, CancellationToken cancellationToken)
    {
        var (journey, version) = await ReadValidWithVersionAsync(host, ws, id, cancellationToken).ConfigureAwait(false);
        response.Headers.ETag = version;
        return TypedResults.Ok(new JourneyModel(
            journey.Id, journey.Name, journey.Owner, journey.Description,
            [.. journey.Stages.Select(s => new JourneyStage(s.Id, s.Name, s.Description))],
            [.. journey.Touchpoints.Select(t => new JourneyTouchpoint(t.Id, t.Name, t.Stage, JourneyYaml.LaneName(t.Lane), t.Channel, t.Owner, t.Description))],
            journey.Flow?.ToString(),
            [.. journey.Kpis.Select(k => new JourneyKpiItem(k.Id, k.Name, k.Kind, k.Target))],
            [.. journey.TimeTargets.Select(t => new JourneyTimeTarget(t.Id, t.Name, t.From, t.To, t.Within.TotalSeconds))],
            version));
    }

    /// <summary>Reads a stored journey that has no errors; 404 when missing, 422 with the first error when invalid.</summary>
    internal static async Task<DesignedJourney> ReadValidAsync(WorkspaceHost host, string ws, string id, CancellationToken cancellationToken) =>
        (await ReadValidWithVersionAsync(host, ws, id, cancellationToken).ConfigureAwait(false)).Journey;

    /// <summary>As <see cref="ReadValidAsync"/>, with the version (entity tag) of the text read.</summary>
    internal static async Task<(DesignedJourney Journey, string Version)> ReadValidWithVersionAsync(
        WorkspaceHost host, string ws, string id, CancellationToken cancellationToken)
    {
        var path = ExistingPath(host, ws, id);
        var (text, version) = await JourneyFileStore.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        var read = JourneyYaml.Parse(text, Path.GetFileName(path));
        var errors = JourneyValidator.Validate(read, null).Where(d => d.IsError).ToList();
        if (read.Journey is null || errors.Count > 0)
        {
            var first = errors.FirstOrDefault();
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Invalid journey",
                $"Journey '{id}' has {Math.Max(errors.Count, 1)} error(s)" + (first is null ? "." : $"; the first: {first}") +
                $" Check it with GET /api/v1/workspaces/{ws}/journeys/{id}/validation.");
        }

        return (read.Journey, version);
    }

    /// <summary>A journey text's diagnostics against the workspace's log (null: no events yet).</summary>
    internal static JourneyValidation Validate(string id, string text, EventLog? log)
    {
        var read = JourneyYaml.Parse(text, id + JourneyRepository.Extension);
        var diagnostics = JourneyValidator.Validate(read, log)
            .Select(d => new Dtos.JourneyDiagnostic(
                d.Code, d.IsError ? "error" : "warning", d.Message, d.Hint, d.Location.Line, d.Location.Column))
            .ToList();
        return new JourneyValidation(id, read.Journey?.Name, diagnostics.TrueForAll(d => d.Severity != "error"), diagnostics);
    }

    /// <summary>The workspace's log for the "matches no event" rule, or null when the workspace has no events yet.</summary>
    internal static async Task<EventLog?> LogAsync(string ws, EventLogCache cache, CancellationToken cancellationToken)
    {
        var (log, _) = await cache.GetAsync(ws, TimeBasis.Utc, cancellationToken).ConfigureAwait(false);
        return log.EventCount == 0 ? null : log;
    }

    internal static string PathOf(WorkspaceHost host, string ws, string id)
    {
        if (!WorkspaceHost.IsValidName(id))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid journey id",
                $"'{id}' is not a valid journey id: use 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit.");
        }

        return JourneyFiles.PathOf(host.Get(ws).JourneysFolder, id);
    }

    internal static string ExistingPath(WorkspaceHost host, string ws, string id)
    {
        var path = PathOf(host, ws, id);
        if (!File.Exists(path))
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown journey",
                $"Workspace '{ws}' has no journey '{id}' (journeys/{id}.yaml or .yml). List them with GET /api/v1/workspaces/{ws}/journeys, or create it with PUT.");
        }

        return path;
    }
}
