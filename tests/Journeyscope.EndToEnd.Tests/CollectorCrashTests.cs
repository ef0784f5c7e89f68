using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// Acknowledged means durable (issue 17 §4): 100,000 events stream into the collector of the real server process on
/// 127.0.0.1 while the process is killed with SIGKILL at random (seeded) moments; after each restart the client resends
/// every batch that was not acknowledged, and some that were. In the end every acknowledged event is stored exactly once
/// and no event that was never sent is stored.
/// </summary>
public sealed class CollectorCrashTests
{
    private const int Events = 100_000;
    private const int BatchSize = 250;
    private const int Batches = Events / BatchSize;
    private const int Senders = 4;
    private const int Kills = 3;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collector_KilledThreeTimesDuringAHundredThousandEvents_StoresEveryAcknowledgedEventExactlyOnce()
    {
        // Given the server with a workspace and an ingest key, and 400 batches of 250 events (Segment and PostHog in turn)
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
        // Bounded: about 2 min on a quiet machine; the shared 2-core machine at a load of 45 needs up to 4 (docs/collector.md).
        limit.CancelAfter(TimeSpan.FromMinutes(8));
        var server = await ServerProcess.StartAsync(new Dictionary<string, string>(), limit.Token);
        try
        {
            var key = await CreateKeyAsync(server);
            var acknowledged = new bool[Batches];
            var random = new Random(17);

            // When batches are sent by four concurrent senders and the server is killed -9 three times meanwhile,
            // restarted each time, and the batches not acknowledged are sent again until all are
            for (var round = 0; round < 20 && (round <= Kills || acknowledged.Any(a => !a)); round++)
            {
                var killed = round < Kills;
                if (round > 0)
                {
                    server = await server.RestartAsync(limit.Token);
                }

                using var client = server.CreateClient();
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(limit.Token);
                var pending = Enumerable.Range(0, Batches).Where(b => !acknowledged[b]).ToList();
                var next = -1;
                var senders = Enumerable.Range(0, Senders)
                    .Select(_ => SendAllAsync(client, key, pending, () => Interlocked.Increment(ref next), acknowledged, stop.Token))
                    .ToArray();
                if (killed)
                {
                    // A moment inside the stream: 0.5 to 3 s after the (re)start.
                    await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 3_000)), limit.Token);
                    await server.KillHardAsync();
                    await stop.CancelAsync();
                }

                await Task.WhenAll(senders);
            }

            acknowledged.ShouldAllBe(a => a);
            using (var client = server.CreateClient())
            {
                // Before any acknowledged batch is resent: nothing acknowledged was lost, nothing is there twice
                var summary = JsonDocument.Parse(await client.GetStringAsync("api/v1/workspaces/crash", limit.Token)).RootElement;
                summary.GetProperty("events").GetInt64().ShouldBe(Events, server.Output);
            }

            // ...and then resends 40 acknowledged batches (the SDKs resend when an answer is lost)
            using (var client = server.CreateClient())
            {
                foreach (var batch in Enumerable.Range(0, Batches).OrderBy(_ => random.Next()).Take(40))
                {
                    (await PostBatchAsync(client, key, batch, limit.Token)).ShouldBeTrue($"batch {batch} resent");
                }
            }

            // Then the store holds each sent event exactly once
            var output = server.Output;
            var root = server.Root;
            await server.KillHardAsync();
            var stored = StoredEventIds(Path.Combine(root, "crash", "journeyscope.duckdb"));
            stored.Where(p => p.Value > 1).Select(p => p.Key).Take(5).ShouldBeEmpty("events stored twice");
            var sent = Enumerable.Range(0, Events).Select(EventId).ToHashSet(StringComparer.Ordinal);
            stored.Keys.Where(id => !sent.Contains(id)).Take(5).ShouldBeEmpty("events never sent");
            sent.Where(id => !stored.ContainsKey(id)).Take(5).ShouldBeEmpty("acknowledged events lost\n" + output);
            stored.Count.ShouldBe(Events);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<string> CreateKeyAsync(ServerProcess server)
    {
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("api/v1/workspaces", new { name = "crash" }, Token)).EnsureSuccessStatusCode();
        using var created = await client.PostAsJsonAsync("api/v1/workspaces/crash/keys", new { kind = "ingest" }, Token);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>Sends the pending batches one by one until they run out or the server dies; a batch counts only when acknowledged.</summary>
    private static async Task SendAllAsync(
        HttpClient client, string key, List<int> pending, Func<int> take, bool[] acknowledged, CancellationToken cancellationToken)
    {
        for (var i = take(); i < pending.Count && !cancellationToken.IsCancellationRequested; i = take())
        {
            var batch = pending[i];
            try
            {
                if (await PostBatchAsync(client, key, batch, cancellationToken))
                {
                    acknowledged[batch] = true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                // The server died with the request in flight: not acknowledged, resent after the restart.
            }
        }
    }

    private static async Task<bool> PostBatchAsync(HttpClient client, string key, int batch, CancellationToken cancellationToken)
    {
        var path = batch % 2 == 0 ? "v1/batch" : "batch/";
        using var content = new StringContent(Body(key, batch), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    /// <summary>A batch's body: Segment's <c>/v1/batch</c> for even batches, PostHog's <c>/batch/</c> for odd ones.</summary>
    private static string Body(string key, int batch)
    {
        var segment = batch % 2 == 0;
        var events = new List<object>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            var n = batch * BatchSize + i;
            var customer = "c-" + (n % 5_000).ToString(CultureInfo.InvariantCulture);
            var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddSeconds(n).ToString("O", CultureInfo.InvariantCulture);
            var activity = "Step " + (n % 7).ToString(CultureInfo.InvariantCulture);
            events.Add(segment
                ? new Dictionary<string, object> { ["type"] = "track", ["messageId"] = EventId(n), ["userId"] = customer, ["event"] = activity, ["timestamp"] = at, ["properties"] = new { n } }
                : new Dictionary<string, object> { ["uuid"] = EventId(n), ["distinct_id"] = customer, ["event"] = activity, ["timestamp"] = at, ["properties"] = new { n } });
        }

        return segment
            ? JsonSerializer.Serialize(new { writeKey = key, batch = events })
            : JsonSerializer.Serialize(new { api_key = key, batch = events });
    }

    private static string EventId(int n) => "e-" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>How often each event id is stored, read from the database after the server is gone.</summary>
    private static Dictionary<string, int> StoredEventIds(string database)
    {
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, count(*) FROM events GROUP BY event_id";
        using var reader = command.ExecuteReader();
        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            stored[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return stored;
    }
}
