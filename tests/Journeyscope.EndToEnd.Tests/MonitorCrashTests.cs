using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Journeyscope.TestSupport;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// Scheduling survives restarts (issue 16 §5): the real server process catches up a daily snapshot schedule over
/// 240 days and is killed with SIGKILL while it does, twice; after the last restart every period is stored exactly once
/// (none missed, none doubled, each KPI row once per period and segment).
/// </summary>
public sealed class MonitorCrashTests
{
    private const string Ws = "watch";
    private const int Days = 240;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scheduler_KilledTwiceDuringCatchUp_StoresEveryPeriodExactlyOnce()
    {
        // Given a server checking its schedules every second, a workspace with 240 days of orders and a journey with KPIs
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
        limit.CancelAfter(TimeSpan.FromMinutes(4));
        var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Journeyscope:Monitoring:CheckIntervalSeconds"] = "1" }, limit.Token);
        var today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var since = today.AddDays(-Days);
        try
        {
            using (var client = server.CreateClient())
            {
                (await client.PostAsJsonAsync("api/v1/workspaces", new { name = Ws }, limit.Token)).EnsureSuccessStatusCode();
                using var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Orders(since))), "file", "orders.csv" } };
                using var imported = await client.PostAsync($"api/v1/workspaces/{Ws}/imports", upload, limit.Token);
                imported.EnsureSuccessStatusCode();
                Directory.CreateDirectory(Path.Combine(server.Root, Ws, "journeys"));
                await File.WriteAllTextAsync(Path.Combine(server.Root, Ws, "journeys", "shop.yaml"), Journey, limit.Token);

                // When a daily schedule since 240 days ago is saved (the scheduler starts catching up at its next check)
                using var saved = await client.PutAsJsonAsync($"api/v1/workspaces/{Ws}/monitoring/schedules/daily",
                    new { journey = "shop", cron = "0 0 * * *", since, segmentBy = "channel" }, limit.Token);
                saved.EnsureSuccessStatusCode();
            }

            // And the process is killed as soon as a catch-up has stored some periods, twice
            for (var kill = 0; kill < 2; kill++)
            {
                var before = await SnapshotsAsync(server, limit.Token);
                await WaitAsync(server, s => s > before, limit.Token);
                server = await server.RestartAsync(limit.Token);
            }

            // Then after the last restart the catch-up completes
            await WaitAsync(server, s => s >= Days, limit.Token);
            using (var client = server.CreateClient())
            {
                var status = await client.GetFromJsonAsync<JsonElement>($"api/v1/workspaces/{Ws}/monitoring", limit.Token);
                var schedule = status.GetProperty("schedules")[0];
                schedule.GetProperty("duePeriods").GetInt32().ShouldBe(0);
                schedule.GetProperty("snapshots").GetInt32().ShouldBe(Days);
            }

            // And the store holds each period once, each ending at one of the 240 midnights, with each KPI row once
            var root = server.Root;
            await server.KillHardAsync();
            var (periods, distinct, first, last, kpiDoubles) = Stored(Path.Combine(root, Ws, "journeyscope.duckdb"));
            periods.ShouldBe(Days);
            distinct.ShouldBe(Days);
            first.ShouldBe(since.AddDays(1).UtcTicks);
            last.ShouldBe(today.UtcTicks);
            kpiDoubles.ShouldBe(0);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<int> SnapshotsAsync(ServerProcess server, CancellationToken cancellationToken)
    {
        using var client = server.CreateClient();
        var status = await client.GetFromJsonAsync<JsonElement>($"api/v1/workspaces/{Ws}/monitoring", cancellationToken);
        var schedules = status.GetProperty("schedules");
        return schedules.GetArrayLength() == 0 ? 0 : schedules[0].GetProperty("snapshots").GetInt32();
    }

    private static async Task WaitAsync(ServerProcess server, Func<int, bool> done, CancellationToken cancellationToken)
    {
        while (!done(await SnapshotsAsync(server, cancellationToken)))
        {
            await Task.Delay(25, cancellationToken);
        }
    }

    /// <summary>Rows of the periods table, distinct period ends, first and last end, and KPI rows stored more than once.</summary>
    private static (long Periods, long Distinct, long First, long Last, long KpiDoubles) Stored(string database)
    {
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*), count(DISTINCT period_end_ticks), min(period_end_ticks), max(period_end_ticks),
                   (SELECT count(*) FROM (SELECT 1 FROM monitor_kpis GROUP BY schedule_id, period_end_ticks, kpi, segment HAVING count(*) > 1))
            FROM monitor_periods WHERE schedule_id = 'daily'
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// <summary>Three orders a day, on the web or in store; every other one is delivered 20 hours later; nobody answers a survey.</summary>
    private static string Orders(DateTimeOffset since)
    {
        var orders = new List<ShopOrder>();
        for (var day = 0; day < Days; day++)
        {
            for (var k = 0; k < 3; k++)
            {
                var id = (day * 3) + k;
                orders.Add(new ShopOrder($"o{id}", since.AddDays(day).AddHours(8 + (k * 4)), k == 0 ? "store" : "web", id % 2 == 0 ? TimeSpan.FromHours(20) : null, null));
            }
        }

        return ShopJourney.Csv(orders);
    }

    private const string Journey = ShopJourney.Header + "\n" + ShopJourney.Touchpoints + "\n" + """
        kpis:
          - id: delivery-time
            name: Order to delivery
            kind: order-cycle-time
            target: "<= 1d"
            from: order
            to: deliver
        """;
}
