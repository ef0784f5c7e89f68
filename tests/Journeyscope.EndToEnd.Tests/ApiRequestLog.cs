using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// Records the path and query of every request the in-process server answers (the UI's own API calls included, as its
/// API client calls the server's address), so that a test can count how often a page asked for an analysis.
/// </summary>
internal sealed class ApiRequestLog : IStartupFilter
{
    private readonly ConcurrentQueue<string> _requests = new();

    /// <summary>The requests since the last <see cref="Clear"/>, as "METHOD /path?query".</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Forgets the requests recorded so far.</summary>
    public void Clear() => _requests.Clear();

    /// <summary>How many GETs of exactly <paramref name="pathAndQuery"/> were answered.</summary>
    public int Count(string pathAndQuery) => _requests.Count(r => r == "GET " + pathAndQuery);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            _requests.Enqueue(context.Request.Method + " " + context.Request.Path + context.Request.QueryString);
            await nextMiddleware(context);
        });
        next(app);
    };
}
