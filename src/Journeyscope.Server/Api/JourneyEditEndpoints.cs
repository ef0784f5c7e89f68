using System.Globalization;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.IO.Journeys;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// Journeys made and changed without writing YAML: a draft discovered from the workspace's events (the engine of
/// <c>journeyscope journey draft</c>), and in-place edits of a touchpoint's name, stage, lane and channel.
/// </summary>
internal static class JourneyEditEndpoints
{
    private const int MaxDraftNumber = 100;

    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapPost("/journeys/draft", Draft).WithName("DraftJourney").RequireWorkspaceRole(WorkspaceRole.Analyst).Audited("journey-drafted")
            .WithSummary("Discovers a draft journey from the workspace's events (as `journeyscope journey draft`: a touchpoint per activity, " +
                "stages by position, the Inductive Miner's flow) and saves it as journeys/{id}.yaml; id defaults to the first free of draft, draft-2, ...")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workspace.MapPatch("/journeys/{id}/touchpoints/{touchpointId}", EditTouchpoint).WithName("EditTouchpoint").RequireWorkspaceRole(WorkspaceRole.Analyst).Audited("journey-edited")
            .WithSummary("Changes a touchpoint's name, stage, lane or channel in the journey file in place (comments and order kept). " +
                "The result is validated before it is saved; If-Match (the journey's ETag or model version) refuses the edit with 412 when the file changed since.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Created<JourneyValidation>> Draft(
        string ws, string? id, double? noise, HttpResponse response, WorkspaceHost host, EventLogCache cache, CancellationToken cancellationToken)
    {
        var threshold = noise ?? 0.2;
        if (!(threshold >= 0 && threshold < 1))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid noise",
                $"noise takes a share from 0 to below 1, got {threshold.ToString(CultureInfo.InvariantCulture)}.");
        }

        var (log, _) = await cache.GetAsync(ws, TimeBasis.Utc, cancellationToken).ConfigureAwait(false);
        if (log.EventCount == 0)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "No events",
                $"Workspace '{ws}' has no events to draft a journey from; import a log first.");
        }

        var folder = host.Get(ws).JourneysFolder;
        var journeyId = id ?? FreeDraftId(folder);
        var path = JourneyEndpoints.PathOf(host, ws, journeyId);
        var journey = await Task.Run(() => JourneyDraft.FromLog(log, threshold, journeyId, cancellationToken), cancellationToken).ConfigureAwait(false);
        var yaml = JourneyYaml.Write(journey);
        var validation = JourneyEndpoints.Validate(journeyId, yaml, log);
        Directory.CreateDirectory(folder);
        try
        {
            response.Headers.ETag = await JourneyFileStore.WriteAsync(path, null, "*", _ => Task.FromResult(yaml), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ApiProblemException e) when (e.StatusCode == StatusCodes.Status412PreconditionFailed)
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "Journey exists",
                $"Workspace '{ws}' already has a journey '{journeyId}'; choose another id, or leave id out to get a free one.");
        }

        return TypedResults.Created($"/api/v1/workspaces/{Uri.EscapeDataString(ws)}/journeys/{Uri.EscapeDataString(journeyId)}", validation);
    }

    private static async Task<Ok<JourneyValidation>> EditTouchpoint(
        string ws, string id, string touchpointId, TouchpointEdit edit, HttpRequest request, HttpResponse response, WorkspaceHost host,
        EventLogCache cache, CancellationToken cancellationToken)
    {
        var path = JourneyEndpoints.ExistingPath(host, ws, id);
        var log = await JourneyEndpoints.LogAsync(ws, cache, cancellationToken).ConfigureAwait(false);
        JourneyValidation? validation = null;
        response.Headers.ETag = await JourneyFileStore.WriteAsync(path, request.Headers.IfMatch, null, current =>
        {
            string edited;
            try
            {
                edited = JourneyYamlEditor.EditTouchpoint(current ?? string.Empty, touchpointId, Trimmed(edit));
            }
            catch (JourneyEditException e)
            {
                throw new ApiProblemException(
                    e.Message.Contains("no touchpoint", StringComparison.Ordinal) ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity,
                    "Touchpoint not edited", e.Message + " Nothing was saved.");
            }

            validation = JourneyEndpoints.Validate(id, edited, log);
            if (!validation.Valid)
            {
                var first = validation.Diagnostics.First(d => d.Severity == "error");
                throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Invalid journey",
                    $"The edit was not saved: it would make the journey invalid ({first.Code} {first.Message}" + (first.Hint is null ? ")." : $"; {first.Hint})."),
                    new Dictionary<string, object?> { ["diagnostics"] = validation.Diagnostics });
            }

            return Task.FromResult(edited);
        }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(validation!);
    }

    private static TouchpointEdit Trimmed(TouchpointEdit edit) =>
        new(edit.Name?.Trim(), edit.Stage?.Trim(), edit.Lane?.Trim(), edit.Channel?.Trim());

    private static string FreeDraftId(string folder)
    {
        var taken = new HashSet<string>(Directory.Exists(folder) ? JourneyFiles.Ids(folder) : [], StringComparer.OrdinalIgnoreCase);
        for (var n = 1; n <= MaxDraftNumber; n++)
        {
            var candidate = n == 1 ? "draft" : "draft-" + n.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }

        throw new ApiProblemException(StatusCodes.Status409Conflict, "Too many drafts",
            $"The workspace already has drafts draft to draft-{MaxDraftNumber}; delete some, or name the new one with id.");
    }
}
