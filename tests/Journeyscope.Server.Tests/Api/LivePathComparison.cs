using System.Text;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// Asks a workspace's unfiltered analyses through the API twice: answered by the live path (the followed partitioned log:
/// the variants from the snapshot, the rest from the whole log assembled in memory) and by the store path (every event read
/// again), with the caches emptied in between, and returns both answers per request.
/// </summary>
internal static class LivePathComparison
{
    /// <summary>
    /// The unfiltered requests every workspace answers that the live path does not answer from partials (paths under the
    /// workspace): the summary and map from the assembled whole log, the variants from the snapshot.
    /// </summary>
    public static readonly string[] WholeLogPaths =
    [
        "summary", "process-map", "process-map?sliders=readable", "variants", "variants?top=100000",
    ];

    /// <summary>
    /// With <paramref name="ws"/> followed by the live log (and possibly grown since), the answers of the live path, then those
    /// of the store path at the same version; the live path must have read nothing from the store.
    /// </summary>
    public static Task<(Dictionary<string, string> Live, Dictionary<string, string> Store)> RunAsync(
        WebApplicationFactory<Program> factory, HttpClient client, string ws, IReadOnlyList<string> paths, CancellationToken cancellationToken) =>
        RunAsync(factory, client, ws, [.. paths.Select(p => new LivePathRequest(p))], cancellationToken);

    /// <summary>
    /// As the overload of paths, with POST requests and requests the live path answers from partials: those must neither
    /// read the store nor assemble the whole log, and must be counted by <see cref="LiveLogCache"/> as answered from partials.
    /// </summary>
    public static async Task<(Dictionary<string, string> Live, Dictionary<string, string> Store)> RunAsync(
        WebApplicationFactory<Program> factory, HttpClient client, string ws, IReadOnlyList<LivePathRequest> requests, CancellationToken cancellationToken)
    {
        var services = factory.Services;
        var logs = services.GetRequiredService<EventLogCache>();
        var analyses = services.GetRequiredService<AnalysisCache>();
        var live = services.GetRequiredService<LiveLogCache>();
        live.Follows(ws).ShouldBeTrue("the workspace must be followed before the comparison");

        // The live path: the whole log assembled once from the partitions, no store read.
        logs.Forget(ws);
        analyses.Forget(ws);
        var (reads, assemblies, partials) = (logs.StoreReads, logs.Assemblies, live.PartialAnswers);
        var livePath = await AskAsync(client, ws, requests, cancellationToken);
        (logs.StoreReads - reads).ShouldBe(0, "the live path must not read the store's events");
        (logs.Assemblies - assemblies).ShouldBe(requests.Any(r => !r.FromPartials) ? 1 : 0, "the live path assembles the whole log once, and only for the analyses without partials");
        (live.PartialAnswers - partials).ShouldBe(requests.Count(r => r.FromPartials), "the requests marked as answered from partials must be");

        // The store path: nothing followed, nothing cached, so every event is read again.
        live.Forget(ws);
        logs.Forget(ws);
        analyses.Forget(ws);
        reads = logs.StoreReads;
        var storePath = await AskAsync(client, ws, requests, cancellationToken);
        (logs.StoreReads - reads).ShouldBe(1, "the store path reads the whole log once");
        live.Follows(ws).ShouldBeFalse();
        return (livePath, storePath);
    }

    private static async Task<Dictionary<string, string>> AskAsync(
        HttpClient client, string ws, IReadOnlyList<LivePathRequest> requests, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            var uri = $"/api/v1/workspaces/{ws}/{request.Path}";
            using var body = request.Body is null ? null : new StringContent(request.Body, Encoding.UTF8, "application/json");
            using var response = body is null ? await client.GetAsync(uri, cancellationToken) : await client.PostAsync(uri, body, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            response.IsSuccessStatusCode.ShouldBeTrue($"{request.Name}: {(int)response.StatusCode} {text}");
            answers[request.Name] = text;
        }

        return answers;
    }

    /// <summary>Every request whose two answers differ, with where they start to differ; empty when all are equal.</summary>
    public static List<string> Differences(Dictionary<string, string> live, Dictionary<string, string> store)
    {
        var differences = new List<string>();
        foreach (var (path, text) in store)
        {
            var other = live[path];
            if (string.Equals(text, other, StringComparison.Ordinal))
            {
                continue;
            }

            var at = 0;
            while (at < Math.Min(text.Length, other.Length) && text[at] == other[at])
            {
                at++;
            }

            var from = Math.Max(0, at - 80);
            differences.Add(new StringBuilder(path).Append(" at ").Append(at).Append(": store …")
                .Append(text.AsSpan(from, Math.Min(160, text.Length - from))).Append("… live …")
                .Append(other.AsSpan(from, Math.Min(160, other.Length - from))).Append('…').ToString());
        }

        return differences;
    }
}
