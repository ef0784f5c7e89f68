using System.Net;
using System.Text;
using Bunit;
using Journeyscope.Server.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Journeyscope.Server.Tests.Components;

/// <summary>An HttpMessageHandler that answers API paths with canned JSON and records the requests.</summary>
internal sealed class FakeApi : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Json)> _routes = new(StringComparer.Ordinal);

    public List<string> Requests { get; } = [];

    /// <summary>The bodies of the requests that had one, in order.</summary>
    public List<string> Bodies { get; } = [];

    /// <summary>Answers requests whose path (and query, when given) starts with <paramref name="pathPrefix"/>.</summary>
    public FakeApi On(string pathPrefix, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _routes[pathPrefix] = (status, json);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        Requests.Add(request.Method + " " + Uri.UnescapeDataString(path));
        if (request.Content is not null)
        {
            Bodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
        }

        var match = _routes.Where(r => path.StartsWith(r.Key, StringComparison.Ordinal)).OrderByDescending(r => r.Key.Length).FirstOrDefault();
        var (status, json) = match.Key is null ? (HttpStatusCode.NotFound, """{"title":"Not found"}""") : match.Value;
        var media = (int)status >= 400 ? "application/problem+json" : "application/json";
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, media) };
    }

    /// <summary>A bUnit context with MudBlazor, loose JS interop and the UI's services over this fake API.</summary>
    public BunitContext Context()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddScoped<WorkspaceState>();
        context.Services.AddSingleton(new ApiClient(new HttpClient(this) { BaseAddress = new Uri("http://ui.test/") }));
        return context;
    }
}
