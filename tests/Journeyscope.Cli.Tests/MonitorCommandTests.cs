using System.Text.Json;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// <c>journeyscope monitor schedule|run|status</c> and <c>journeyscope alerts</c> on the demo workspace, as a user runs
/// them: a daily schedule backfilled from the data's first day, run at a fixed instant, status and alert history.
/// </summary>
public sealed class MonitorCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _workspace;

    public MonitorCommandTests()
    {
        _workspace = Path.Combine(_temp.Path, "demo");
        var demo = CliRun.Run("demo", "--workspace", _workspace);
        Assert.True(demo.ExitCode == 0, demo.Error);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void MonitorRun_DailyScheduleBackfilled_TakesEachDayOnceAndListsAlerts()
    {
        // Given a daily schedule by device since the demo's first day
        var saved = CliRun.Run("monitor", "schedule", "daily", "--journey", "retail", "--cron", "0 0 * * *", "--since", "2025-01-06T00:00:00Z",
            "--by", "device", "--workspace", _workspace);
        Assert.True(saved.ExitCode == 0, saved.Error);

        // When run as of 1 March 2025, twice, then asked for the status and the alerts
        var run = Json("monitor", "run", "--now", "2025-03-01T00:00:00Z");
        var again = Json("monitor", "run", "--now", "2025-03-01T00:00:00Z");
        var status = Json("monitor", "status", "--now", "2025-03-01T06:00:00Z");
        var alerts = Json("alerts");
        var table = CliRun.Run("monitor", "status", "--now", "2025-03-01T06:00:00Z", "--workspace", _workspace);

        // Then 54 days are taken once, the second run takes none, the next run is 2 March, and the alerts of the run are the history
        var schedule = run.GetProperty("schedules")[0];
        Assert.Equal(54, schedule.GetProperty("periods").GetInt32());
        Assert.Equal(JsonValueKind.Null, schedule.GetProperty("error").ValueKind);
        Assert.Equal(0, again.GetProperty("schedules")[0].GetProperty("periods").GetInt32());
        var state = status.GetProperty("schedules")[0];
        Assert.Equal(54, state.GetProperty("snapshots").GetInt32());
        Assert.Equal(0, state.GetProperty("duePeriods").GetInt32());
        Assert.StartsWith("2025-03-02T00:00:00", state.GetProperty("nextRun").GetString(), StringComparison.Ordinal);
        Assert.Equal(schedule.GetProperty("alerts").GetArrayLength(), alerts.GetArrayLength());
        Assert.True(alerts.GetArrayLength() > 0);
        var alert = alerts[0];
        Assert.StartsWith("daily:", alert.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Contains("time started", alert.GetProperty("casesFilter").GetString(), StringComparison.Ordinal);
        Assert.Contains("daily", table.Output, StringComparison.Ordinal);
        Assert.Contains("2025-03-02 00:00", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MonitorSchedule_BadCron_UsageErrorNamesIt()
    {
        // When a schedule with a four-field cron expression is saved
        var saved = CliRun.Run("monitor", "schedule", "bad", "--journey", "retail", "--cron", "0 0 * *", "--workspace", _workspace);

        // Then it is a usage error naming the expression, and no schedule exists
        Assert.Equal(2, saved.ExitCode);
        Assert.Contains("'0 0 * *'", saved.Error, StringComparison.Ordinal);
        Assert.Equal(0, Json("monitor", "status").GetProperty("schedules").GetArrayLength());
    }

    private JsonElement Json(params string[] args)
    {
        var result = CliRun.Run([.. args, "--workspace", _workspace, "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Output);
        return document.RootElement.Clone();
    }
}
