using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Journeyscope.IO;
using Journeyscope.Server.Services;
using Journeyscope.Storage;
using Journeyscope.Storage.Collector;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Collector;

/// <summary>
/// The collector: Segment- and PostHog-compatible ingest endpoints (docs/collector.md). A 2xx is written only after the
/// request's events are committed; storage trouble is a 503, so that the SDKs retry.
/// </summary>
public static class CollectorEndpoints
{
    private static readonly string[] SegmentCalls = ["batch", "track", "identify", "page", "screen", "group", "alias", "t", "i", "p", "s", "g", "a"];
    private static readonly string[] PostHogPaths = ["/batch", "/capture", "/e", "/i/v0/e"];
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    /// <summary>Registers the collector's services: the ingest key index and its options.</summary>
    public static IServiceCollection AddJourneyscopeCollector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<CollectorOptions>(configuration.GetSection(CollectorOptions.SectionName));
        services.AddSingleton<IngestKeyIndex>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Maps the Segment endpoints under <c>/v1</c> and the PostHog endpoints, CORS-open, exempt from the cross-site guard.</summary>
    public static IEndpointRouteBuilder MapJourneyscopeCollector(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<CollectorOptions>>().Value;
        // Ingest keys, not sign-in, authenticate the collector (write-only keys meant for web pages; docs/security.md).
        var collector = app.MapGroup(string.Empty).WithTags("Collector").ExcludeFromDescription().AllowAnonymous()
            .WithMetadata(CrossSiteAllowed.Instance, new RequestSizeLimitAttribute(options.MaxBodyBytes))
            .AddEndpointFilter(static async (context, next) =>
            {
                context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
                return await next(context).ConfigureAwait(false);
            });
        foreach (var call in SegmentCalls)
        {
            var type = SegmentMessages.TypeOfPath(call);
            collector.MapPost("/v1/" + call, (HttpContext http, IServiceProvider services, CancellationToken cancellationToken) =>
                CollectSegmentAsync(http, type, services, cancellationToken));
            collector.MapMethods("/v1/" + call, [HttpMethods.Options], Preflight);
        }

        // Routing matches a path with and without its trailing slash ("/batch" and "/batch/").
        foreach (var path in PostHogPaths)
        {
            collector.MapPost(path, CollectPostHogAsync);
            collector.MapMethods(path, [HttpMethods.Options], Preflight);
        }

        return app;
    }

    private static IResult Preflight(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlAllowMethods = "POST, OPTIONS";
        headers.AccessControlAllowHeaders = http.Request.Headers.AccessControlRequestHeaders.Count > 0
            ? http.Request.Headers.AccessControlRequestHeaders.ToString()
            : "Content-Type, Authorization, Content-Encoding";
        headers.AccessControlMaxAge = "86400";
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CollectSegmentAsync(HttpContext http, string? impliedType, IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<CollectorOptions>>().Value;
        var body = await CollectorBody.ReadAsync(http.Request, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.Json is null)
        {
            // Segment answers 400 for oversize payloads too (the SDK then drops the batch).
            return Refuse(body.Failure == DecodeFailure.Unsupported ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest,
                "Invalid body", body.Detail);
        }

        var limit = impliedType is null ? SegmentMessages.MaxBatchBytes : SegmentMessages.MaxMessageBytes;
        if (body.Json.Length > limit)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Payload too large",
                $"The body has {body.Json.Length:N0} bytes; Segment's limit is {limit:N0} bytes per {(impliedType is null ? "batch" : "message")}.");
        }

        using var document = Parse(body.Json, out var parseError);
        if (document is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Invalid JSON", parseError);
        }

        var root = document.RootElement;
        List<JsonElement> messages;
        if (impliedType is null)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Array)
            {
                return Refuse(StatusCodes.Status400BadRequest, "Invalid batch", "A batch is a JSON object with an array 'batch' of messages.");
            }

            messages = [.. batch.EnumerateArray()];
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            messages = [root];
        }
        else
        {
            return Refuse(StatusCodes.Status400BadRequest, "Invalid message", "A message is a JSON object.");
        }

        var key = BasicUser(http.Request) ?? CollectedJson.Text(root, "writeKey") ?? FirstWriteKey(messages);
        var received = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var mapped = new List<CollectedMessage>(messages.Count);
        var rejected = new List<QuarantinedRecord>();
        for (var i = 0; i < messages.Count; i++)
        {
            // A message naming another write key than the request's is set aside: one request goes to one workspace.
            if (SegmentMessages.ForeignKey(messages[i], i + 1, key) is { } foreign)
            {
                rejected.Add(foreign);
            }
            else if (SegmentMessages.Map(messages[i], impliedType, i + 1, received, out var bad) is { } message)
            {
                mapped.Add(message);
            }
            else if (impliedType is not null)
            {
                return Refuse(StatusCodes.Status400BadRequest, "Invalid message", bad!.Reason);
            }
            else
            {
                rejected.Add(bad!);
            }
        }

        var batchOf = new CollectedBatch(SegmentMessages.Source, "segment", mapped, rejected);
        return await StoreAsync(http, key, batchOf, services, options, TypedResults.Json(new { success = true }), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> CollectPostHogAsync(HttpContext http, IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<CollectorOptions>>().Value;
        var body = await CollectorBody.ReadAsync(http.Request, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.Json is null)
        {
            return Refuse(body.Failure switch
            {
                DecodeFailure.TooLarge => StatusCodes.Status413PayloadTooLarge,
                DecodeFailure.Unsupported => StatusCodes.Status415UnsupportedMediaType,
                _ => StatusCodes.Status400BadRequest,
            }, "Invalid body", body.Detail);
        }

        using var document = Parse(body.Json, out var parseError);
        if (document is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Invalid JSON", parseError);
        }

        if (!PostHogMessages.TryGetEvents(document.RootElement, out var events))
        {
            return Refuse(StatusCodes.Status400BadRequest, "Invalid batch", "A body is one event object, an array of events, or an object with an array 'batch'.");
        }

        var key = PostHogMessages.Key(document.RootElement, events);
        var received = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var mapped = new List<CollectedMessage>(events.Count);
        var rejected = new List<QuarantinedRecord>();
        for (var i = 0; i < events.Count; i++)
        {
            if (PostHogMessages.ForeignKey(events[i], i + 1, key) is { } foreign)
            {
                rejected.Add(foreign);
            }
            else if (PostHogMessages.Map(events[i], i + 1, received, out var bad) is { } message)
            {
                mapped.Add(message);
            }
            else
            {
                rejected.Add(bad!);
            }
        }

        var batch = new CollectedBatch(PostHogMessages.Source, "posthog", mapped, rejected);
        return await StoreAsync(http, key, batch, services, options, TypedResults.Json(new { status = 1 }), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Commits the batch to the key's workspace; only then answers <paramref name="success"/>.</summary>
    private static async Task<IResult> StoreAsync(
        HttpContext http, string? key, CollectedBatch batch, IServiceProvider services, CollectorOptions options, IResult success, CancellationToken cancellationToken)
    {
        var workspace = await services.GetRequiredService<IngestKeyIndex>().FindWorkspaceAsync(key, cancellationToken).ConfigureAwait(false);
        var host = services.GetRequiredService<WorkspaceHost>();
        if (workspace is null || !host.Exists(workspace))
        {
            return Refuse(StatusCodes.Status401Unauthorized, "Unknown key",
                key is null ? "No key was sent: give the ingest key as the SDK's write key or project key." : "The key is not an ingest key of any workspace on this server.");
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Journeyscope.Collector");
        CollectSummary summary;
        try
        {
            var limits = new CollectLimits
            {
                MessageRetention = TimeSpan.FromDays(Math.Max(options.MessageRetentionDays, Workspace.MinimumMessageRetention.Days)),
                MaxAttributeNames = options.MaxPropertyNames,
            };
            summary = await host.Get(workspace).CollectAsync(batch, limits, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WorkspaceException or DuckDBException or IOException or ObjectDisposedException)
        {
            logger.LogError(e, "Storage unavailable for workspace {Workspace}; answered 503 so the sender retries.", workspace);
            http.Response.Headers.RetryAfter = "1";
            return Refuse(StatusCodes.Status503ServiceUnavailable, "Storage unavailable", "The events were not stored; send them again.");
        }

        if (summary.Suppressed > 0)
        {
            // Answered 2xx like any stored message, so the SDK does not send them again (docs/erasure.md); never logged with their ids.
            logger.LogInformation("Workspace {Workspace}: {Count} events of erased customers dropped.", workspace, summary.Suppressed);
        }

        foreach (var refused in summary.Refused)
        {
            logger.LogWarning("Workspace {Workspace}: {Refusal}", workspace, refused.Describe());
        }

        if (summary.Quarantined > 0)
        {
            logger.LogWarning("Workspace {Workspace}: {Count} messages quarantined (see the workspace's quarantine for the reasons).", workspace, summary.Quarantined);
        }

        if (summary.EventsAdded > 0 || summary.Quarantined > 0)
        {
            host.NotifyChanged(workspace);
        }

        return success;
    }

    private static JsonDocument? Parse(byte[] json, out string? error)
    {
        error = null;
        try
        {
            return JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException e)
        {
            error = "The body is not valid JSON: " + e.Message;
            return null;
        }
    }

    private static string? BasicUser(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var user = colon < 0 ? text : text[..colon];
            return user.Length == 0 ? null : user;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? FirstWriteKey(List<JsonElement> messages)
    {
        foreach (var message in messages)
        {
            if (CollectedJson.Text(message, "writeKey") is { Length: > 0 } key)
            {
                return key;
            }
        }

        return null;
    }

    private static IResult Refuse(int status, string title, string? detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);
}
