using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Journeyscope.Storage.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Notifications;

/// <summary>Webhook targets of a workspace and their delivery log (admin: targets carry secrets and reach the network).</summary>
internal static class WebhookEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapPost("/webhooks", Add).WithName("AddWebhook").RequireWorkspaceRole(WorkspaceRole.Admin)
            .WithSummary("Adds a webhook target (url, optional secret of 16+ characters, name, eventTypes); the response is the only time the secret is shown.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/webhooks", List).WithName("ListWebhooks").RequireWorkspaceRole(WorkspaceRole.Admin)
            .WithSummary("Lists the webhook targets (never their secrets).");
        workspace.MapDelete("/webhooks/{id}", Remove).WithName("RemoveWebhook").RequireWorkspaceRole(WorkspaceRole.Admin)
            .WithSummary("Removes a webhook target; its pending deliveries are marked failed, its delivery log stays.");
        workspace.MapPost("/webhooks/{id}/test", Test).WithName("TestWebhook").RequireWorkspaceRole(WorkspaceRole.Admin)
            .WithSummary("Enqueues a 'webhook.test' event for every target that receives it (a new delivery each time).");
        workspace.MapGet("/webhooks/deliveries", Deliveries).WithName("ListWebhookDeliveries").RequireWorkspaceRole(WorkspaceRole.Admin)
            .WithSummary("The delivery log, newest first: status (pending, delivered, failed), attempts, last HTTP status and error. " +
                "status: only one status; limit: rows (default 100, at most 1000).");
    }

    private static Results<Created<WebhookTarget>, ProblemHttpResult> Add(string ws, AddWebhookRequest? request, WorkspaceHost host, TimeProvider time)
    {
        if (WebhookStore.UrlProblem(request?.Url) is { } problem)
        {
            return TypedResults.Problem(title: "Invalid webhook URL", detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        if (request!.Secret is { Length: < 16 })
        {
            return TypedResults.Problem(
                title: "Invalid webhook secret", detail: "A webhook secret needs at least 16 characters; leave it out to have one generated.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var target = WebhookStore.AddTarget(host.Get(ws).Folder, request.Url!, request.Secret, request.Name, request.EventTypes, time);
        return TypedResults.Created($"/api/v1/workspaces/{ws}/webhooks/{target.Id}", target);
    }

    private static Ok<List<WebhookTarget>> List(string ws, WorkspaceHost host) =>
        TypedResults.Ok(WebhookStore.ListTargets(host.Get(ws).Folder).Select(t => t.WithoutSecret()).ToList());

    private static Results<NoContent, NotFound> Remove(string ws, string id, WorkspaceHost host) =>
        WebhookStore.RemoveTarget(host.Get(ws).Folder, id) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Accepted<WebhookTestResult>, NotFound>> Test(string ws, string id, WorkspaceHost host, WebhookOutbox outbox, CancellationToken cancellationToken)
    {
        if (!WebhookStore.ListTargets(host.Get(ws).Folder).Any(t => string.Equals(t.Id, id, StringComparison.Ordinal)))
        {
            return TypedResults.NotFound();
        }

        var key = "test:" + Guid.NewGuid().ToString("N");
        var added = await outbox.EnqueueAsync(ws, "webhook.test", new WebhookTestResult(key, 0), key, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/v1/workspaces/{ws}/webhooks/deliveries", new WebhookTestResult(key, added));
    }

    private static Ok<IReadOnlyList<WebhookDelivery>> Deliveries(string ws, WebhookDeliveryStatus? status, int? limit, WorkspaceHost host) =>
        TypedResults.Ok(WebhookStore.Deliveries(host.Get(ws).Folder, Math.Clamp(limit ?? 100, 1, 1000), status));
}

/// <summary>The body of <c>POST /api/v1/workspaces/{ws}/webhooks</c>.</summary>
/// <param name="Url">The absolute http(s) URL to POST deliveries to.</param>
/// <param name="Secret">The signing secret (16+ characters); generated when left out.</param>
/// <param name="Name">A label for people, optional.</param>
/// <param name="EventTypes">The event types to receive (e.g. <c>rule.fired</c>, <c>alert.raised</c>); all when left out.</param>
public sealed record AddWebhookRequest(string? Url, string? Secret, string? Name, IReadOnlyList<string>? EventTypes);

/// <summary>What a test delivery enqueued.</summary>
/// <param name="DedupKey">The test event's dedup key (also its <c>data.dedupKey</c>).</param>
/// <param name="Enqueued">How many deliveries were enqueued.</param>
public sealed record WebhookTestResult(string DedupKey, int Enqueued);
