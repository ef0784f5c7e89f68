using System.Net;
using System.Net.Http.Json;
using Journeyscope.Monitoring;
using Journeyscope.Results;
using Journeyscope.TestSupport;

namespace Journeyscope.Server.Tests.Monitoring;

/// <summary>
/// Monitoring through the API as a user scripts it: a weekly schedule on the demo journey, a run that catches up every
/// week since the data starts, the status, the KPI series, the alert history, and the digest e-mailed through SMTP.
/// </summary>
public sealed class MonitoringEndpointTests(MonitoringServerFixture server) : IClassFixture<MonitoringServerFixture>
{
    private const string Api = "/api/v1/workspaces/demo";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunMonitoring_WeeklySchedule_SnapshotsEveryWeekOnceRaisesAlertsAndMailsOneDigest()
    {
        // Given a weekly schedule (Mondays 00:00 UTC) on the demo journey since its first day, by device, with a recipient,
        // and a webhook target for kpi.alert events
        using var client = server.CreateClient();
        using var receiver = new WebhookReceiver();
        using (var target = await client.PostAsJsonAsync($"{Api}/webhooks", new { url = receiver.Url, name = "alerts", eventTypes = new[] { "kpi.alert" } }, Token))
        {
            Assert.True(target.IsSuccessStatusCode, await target.Content.ReadAsStringAsync(Token));
        }

        const string journey = "retail";
        using var saved = await client.PutAsJsonAsync($"{Api}/monitoring/schedules/weekly", new
        {
            journey,
            cron = "0 0 * * 1",
            since = "2025-01-06T00:00:00Z",
            segmentBy = "device",
            recipients = new[] { "ops@example.com" },
        }, Token);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // When the due periods are run now, and again
        var run = await Run(client);
        var again = await Run(client);

        // Then every week up to now is snapshotted once; the second run has nothing to do
        var weekly = Assert.Single(run.Schedules);
        Assert.Null(weekly.Error);
        Assert.True(weekly.Periods >= 26, $"{weekly.Periods} weeks");
        Assert.Equal(0, Assert.Single(again.Schedules).Periods);
        Assert.Empty(again.Schedules[0].Alerts);

        // And the alerts (threshold rules on the demo's targets) are in the history with value, range, filter and message
        var alerts = (await client.GetFromJsonAsync<List<KpiAlert>>($"{Api}/alerts?schedule=weekly&limit=1000", ResultJson.Options, Token))!;
        Assert.Equal(weekly.Alerts.Count, alerts.Count);
        Assert.NotEmpty(alerts);
        var alert = alerts[0];
        Assert.True(alert.ExpectedLow is not null || alert.ExpectedHigh is not null);
        Assert.StartsWith("time started ", alert.CasesFilter, StringComparison.Ordinal);
        Assert.Contains(alert.KpiName, alert.Message, StringComparison.Ordinal);

        // And one digest went to the recipient, listing every alert with a link to its cases
        var mail = Assert.Single(server.Smtp.ReceivedEmail, m => m.Subject.Contains("weekly", StringComparison.Ordinal));
        Assert.Contains("ops@example.com", mail.ToAddresses.Select(a => a.ToString()));
        var body = mail.MessageParts[0].BodyData;
        Assert.Contains($"{alerts.Count} KPI alert", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("http://journeys.test/api/v1/workspaces/demo/cases?filter=time", body, StringComparison.Ordinal);

        // And each alert went out once as a signed kpi.alert webhook
        Assert.True(await receiver.WaitForAsync(alerts.Count, TimeSpan.FromSeconds(60), Token), $"{receiver.Received.Count} of {alerts.Count} webhooks");
        Assert.All(receiver.Received, r => Assert.Contains("kpi.alert", r.Text, StringComparison.Ordinal));
        Assert.Equal(alerts.Select(a => a.Id).Order(StringComparer.Ordinal),
            receiver.Received.Select(r => alerts.Single(a => r.Text.Contains($"\"{a.Id}\"", StringComparison.Ordinal)).Id).Order(StringComparer.Ordinal));

        // And the status shows the schedule caught up, and its series has one point per stored week
        var status = (await client.GetFromJsonAsync<MonitorStatus>($"{Api}/monitoring", ResultJson.Options, Token))!;
        var schedule = Assert.Single(status.Schedules);
        Assert.Equal(0, schedule.DuePeriods);
        Assert.Equal(weekly.Periods, schedule.Snapshots);
        Assert.Equal(DayOfWeek.Monday, schedule.NextRun!.Value.DayOfWeek);
        var series = (await client.GetFromJsonAsync<KpiSeries>($"{Api}/monitoring/schedules/weekly/series?kpi=conversion", ResultJson.Options, Token))!;
        Assert.Equal(weekly.Periods, series.Points.Count);
        Assert.Contains(series.Points, p => p.Value is not null && p.Low <= p.Value && p.Value <= p.High);
    }

    [Fact]
    public async Task SaveSchedule_BadCronOrUnknownKpi_BadRequestSaysWhy()
    {
        using var client = server.CreateClient();
        const string journey = "retail";

        // When a schedule with a bad cron expression, and one with a rule on an unknown KPI, are saved
        using var badCron = await client.PutAsJsonAsync($"{Api}/monitoring/schedules/bad", new { journey, cron = "every day" }, Token);
        using var badKpi = await client.PutAsJsonAsync($"{Api}/monitoring/schedules/bad", new
        {
            journey,
            cron = "0 6 * * *",
            rules = new[] { new { kpi = "no-such-kpi", kind = "anomaly" } },
        }, Token);
        using var unknown = await client.GetAsync($"{Api}/monitoring/schedules/nope/series?kpi=nps", Token);

        // Then each is refused with the reason, and nothing was saved
        Assert.Equal(HttpStatusCode.BadRequest, badCron.StatusCode);
        Assert.Contains("cron expression 'every day' is invalid", await badCron.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badKpi.StatusCode);
        Assert.Contains("no-such-kpi", await badKpi.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var schedules = (await client.GetFromJsonAsync<List<MonitorSchedule>>($"{Api}/monitoring/schedules", ResultJson.Options, Token))!;
        Assert.DoesNotContain(schedules, s => s.Id == "bad");
    }

    private static async Task<MonitorRun> Run(HttpClient client)
    {
        using var response = await client.PostAsync($"{Api}/monitoring/run", null, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MonitorRun>(ResultJson.Options, Token))!;
    }
}
