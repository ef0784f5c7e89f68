using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Services;

/// <summary>
/// Refuses requests from other sites (beside authentication, docs/security.md): a <c>Host</c> header that is not a
/// loopback name or a configured <see cref="JourneyscopeServerOptions.AllowedHosts"/> entry gets 400 (DNS rebinding),
/// and a state-changing request (POST, PUT, PATCH, DELETE, or a WebSocket upgrade) whose <c>Origin</c> — or, without
/// one, <c>Referer</c> — names another host than the request's own gets 403 (cross-site request forgery).
/// </summary>
/// <remarks>
/// Endpoints carrying <see cref="Collector.CrossSiteAllowed"/> metadata (the collector's ingest endpoints, which take
/// write-only keys and are meant to be called from any site's pages) are exempt from the cross-site check, not from
/// the Host check.
/// Browsers send <c>Origin</c> on every cross-origin POST, including the "simple" multipart form posts that need no
/// CORS preflight, so the check covers uploads without asking clients for a token or a custom header. Requests without
/// <c>Origin</c> and <c>Referer</c> (curl, the CLI, scripts, the UI's own server-side API client) are not cross-site and
/// pass. <c>Origin: null</c> (sandboxed frames, local files) is refused.
/// </remarks>
public sealed class RequestOriginGuard(RequestDelegate next, IOptions<JourneyscopeServerOptions> options, IProblemDetailsService problems)
{
    private static readonly string[] LoopbackHosts = ["127.0.0.1", "localhost", "[::1]"];

    /// <summary>Runs the middleware.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var host = request.Host.Host;
        if (!IsAllowedHost(host))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "Host not allowed",
                $"This server does not answer for the host '{Shorten(host)}'. It accepts 127.0.0.1, localhost and [::1]" +
                " and the names listed in Journeyscope:AllowedHosts; add the server's public name there to reach it by that name.")
                .ConfigureAwait(false);
            return;
        }

        // The collector's ingest endpoints take posts from any site by design (write-only keys; docs/collector.md).
        if (IsStateChanging(request) && context.GetEndpoint()?.Metadata.GetMetadata<Collector.CrossSiteAllowed>() is null
            && ForeignSource(request) is { } source)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused",
                $"A {request.Method} from the page at '{Shorten(source)}' may not change data on '{request.Host.Value}'." +
                " Call the API from the Journeyscope UI itself or from a client that sends no Origin header (curl, scripts, the CLI).")
                .ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private bool IsAllowedHost(string host)
    {
        if (host.Length == 0)
        {
            return false;
        }

        foreach (var allowed in LoopbackHosts)
        {
            if (string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var allowed in options.Value.AllowedHosts)
        {
            if (allowed == "*" || string.Equals(host, allowed.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStateChanging(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        || request.Headers.Upgrade.Count > 0;

    /// <summary>The Origin (or Referer) of a request coming from a page of another host; null when same-origin or absent.</summary>
    private static string? ForeignSource(HttpRequest request)
    {
        var source = request.Headers.Origin.ToString();
        if (source.Length == 0)
        {
            source = request.Headers.Referer.ToString();
            if (source.Length == 0)
            {
                return null;
            }
        }

        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return source; // "null", file://, garbage: not this server's page
        }

        // Same origin: the page was served by this host and port (the scheme is left out so a TLS-terminating proxy works).
        return string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase) ? null : source;
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "...";

    private async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }
}
