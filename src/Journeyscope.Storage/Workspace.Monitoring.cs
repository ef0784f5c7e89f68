using System.Text.Json;
using DuckDB.NET.Data;
using Journeyscope.Monitoring;
using Journeyscope.Results;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    // Created on first use rather than at open: a workspace that is never monitored keeps the schema it had, and
    // older Journeyscope versions still open it (the tables are additive; no schema version needed).
    private const string MonitoringTables = """
        CREATE TABLE IF NOT EXISTS monitor_schedules (id VARCHAR PRIMARY KEY, definition VARCHAR NOT NULL, updated_ticks BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS monitor_periods (
            schedule_id VARCHAR NOT NULL, period_end_ticks BIGINT NOT NULL, period_start_ticks BIGINT NOT NULL, journey VARCHAR NOT NULL,
            cases INTEGER NOT NULL, snapshot VARCHAR NOT NULL, completed_ticks BIGINT NOT NULL, PRIMARY KEY (schedule_id, period_end_ticks));
        CREATE TABLE IF NOT EXISTS monitor_kpis (
            schedule_id VARCHAR NOT NULL, period_end_ticks BIGINT NOT NULL, period_start_ticks BIGINT NOT NULL, kpi VARCHAR NOT NULL,
            segment VARCHAR, value DOUBLE, n INTEGER NOT NULL, low DOUBLE, high DOUBLE, status VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS monitor_alerts (
            id VARCHAR PRIMARY KEY, schedule_id VARCHAR NOT NULL, period_end_ticks BIGINT NOT NULL, raised_ticks BIGINT NOT NULL,
            notified BOOLEAN NOT NULL, alert VARCHAR NOT NULL);
        """;

    private bool _monitoringReady;

    /// <summary>The monitoring schedules of the workspace, by id.</summary>
    public IReadOnlyList<MonitorSchedule> ListSchedules() => Monitoring(() =>
    {
        var schedules = new List<MonitorSchedule>();
        using var rows = new QueryRows(_connection, "SELECT definition FROM monitor_schedules ORDER BY id");
        while (rows.Reader.Read())
        {
            schedules.Add(JsonSerializer.Deserialize<MonitorSchedule>(rows.Reader.GetString(0), ResultJson.Options)!);
        }

        return schedules;
    });

    /// <summary>Adds or replaces the schedule with <paramref name="schedule"/>'s id; its stored snapshots are kept.</summary>
    /// <exception cref="ArgumentException">The schedule is invalid (<see cref="MonitorSchedule.Problem"/>).</exception>
    public void SaveSchedule(MonitorSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(schedule));
        }

        Monitoring(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT OR REPLACE INTO monitor_schedules VALUES ($id, $definition, $ticks)";
            command.Parameters.Add(new DuckDBParameter("id", schedule.Id));
            command.Parameters.Add(new DuckDBParameter("definition", JsonSerializer.Serialize(schedule, ResultJson.Options)));
            command.Parameters.Add(new DuckDBParameter("ticks", _time.GetUtcNow().UtcTicks));
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>Deletes the schedule <paramref name="id"/> with its snapshots and alerts; false when there is none.</summary>
    public bool DeleteSchedule(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Monitoring(() =>
        {
            using var transaction = _connection.BeginTransaction();
            var deleted = 0;
            foreach (var table in (string[])["monitor_kpis", "monitor_periods", "monitor_alerts", "monitor_schedules"])
            {
                using var command = _connection.CreateCommand();
                command.CommandText = $"DELETE FROM {table} WHERE {(table == "monitor_schedules" ? "id" : "schedule_id")} = $id";
                command.Parameters.Add(new DuckDBParameter("id", id));
                deleted = command.ExecuteNonQuery();
            }

            transaction.Commit();
            return deleted > 0;
        });
    }

    /// <summary>The end of the latest period the schedule completed (its "last completed period"), or null before the first.</summary>
    public DateTimeOffset? LastCompletedPeriod(string scheduleId)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        return Monitoring(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT max(period_end_ticks) FROM monitor_periods WHERE schedule_id = $id";
            command.Parameters.Add(new DuckDBParameter("id", scheduleId));
            return command.ExecuteScalar() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
        });
    }

    /// <summary>How many periods the schedule has stored.</summary>
    public int SnapshotCount(string scheduleId)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        return Monitoring(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM monitor_periods WHERE schedule_id = $id";
            command.Parameters.Add(new DuckDBParameter("id", scheduleId));
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    /// <summary>The stored snapshots of a schedule, oldest first (the latest <paramref name="limit"/>).</summary>
    public IReadOnlyList<PeriodSnapshot> ReadSnapshots(string scheduleId, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        return Monitoring(() =>
        {
            var snapshots = new List<PeriodSnapshot>();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT snapshot FROM (SELECT snapshot, period_end_ticks FROM monitor_periods WHERE schedule_id = $id " +
                "ORDER BY period_end_ticks DESC LIMIT $limit) ORDER BY period_end_ticks";
            command.Parameters.Add(new DuckDBParameter("id", scheduleId));
            command.Parameters.Add(new DuckDBParameter("limit", (long)limit));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                snapshots.Add(JsonSerializer.Deserialize<PeriodSnapshot>(reader.GetString(0), ResultJson.Options)!);
            }

            return snapshots;
        });
    }

    /// <summary>
    /// Stores one completed period: the snapshot, its KPI rows and its alerts, in one transaction. Idempotent by the
    /// period key (schedule, period end): a period already stored is left as it is and false is returned, so a run
    /// repeated after a crash never doubles a snapshot or an alert.
    /// </summary>
    public bool CompletePeriod(PeriodSnapshot snapshot, IReadOnlyList<KpiAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(alerts);
        return Monitoring(() =>
        {
            var end = snapshot.PeriodEnd.UtcTicks;
            using (var check = _connection.CreateCommand())
            {
                check.CommandText = "SELECT count(*) FROM monitor_periods WHERE schedule_id = $id AND period_end_ticks = $end";
                check.Parameters.Add(new DuckDBParameter("id", snapshot.Schedule));
                check.Parameters.Add(new DuckDBParameter("end", end));
                if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    return false;
                }
            }

            using var transaction = _connection.BeginTransaction();
            try
            {
                var now = _time.GetUtcNow().UtcTicks;
                using (var insert = _connection.CreateCommand())
                {
                    insert.CommandText = "INSERT INTO monitor_periods VALUES ($id, $end, $start, $journey, $cases, $snapshot, $now)";
                    insert.Parameters.Add(new DuckDBParameter("id", snapshot.Schedule));
                    insert.Parameters.Add(new DuckDBParameter("end", end));
                    insert.Parameters.Add(new DuckDBParameter("start", snapshot.PeriodStart.UtcTicks));
                    insert.Parameters.Add(new DuckDBParameter("journey", snapshot.Journey));
                    insert.Parameters.Add(new DuckDBParameter("cases", snapshot.Cases));
                    insert.Parameters.Add(new DuckDBParameter("snapshot", JsonSerializer.Serialize(snapshot, ResultJson.Options)));
                    insert.Parameters.Add(new DuckDBParameter("now", now));
                    insert.ExecuteNonQuery();
                }

                using (var appender = _connection.CreateAppender("monitor_kpis"))
                {
                    foreach (var k in snapshot.Kpis)
                    {
                        appender.CreateRow().AppendValue(snapshot.Schedule).AppendValue(end).AppendValue(snapshot.PeriodStart.UtcTicks)
                            .AppendValue(k.Kpi).AppendValue(k.Segment).AppendValue(k.Value).AppendValue(k.SampleSize).AppendValue(k.Low)
                            .AppendValue(k.High).AppendValue(k.Status.ToString()).EndRow();
                    }
                }

                using (var appender = _connection.CreateAppender("monitor_alerts"))
                {
                    foreach (var alert in alerts)
                    {
                        appender.CreateRow().AppendValue(alert.Id).AppendValue(snapshot.Schedule).AppendValue(end).AppendValue(alert.RaisedAt.UtcTicks)
                            .AppendValue(false).AppendValue(JsonSerializer.Serialize(alert, ResultJson.Options)).EndRow();
                    }
                }

                transaction.Commit();
                return true;
            }
            catch
            {
                RollBack(transaction);
                throw;
            }
        });
    }

    /// <summary>The alerts, newest period first (at most <paramref name="limit"/>), of one schedule or of all.</summary>
    /// <param name="scheduleId">The schedule, or null for all.</param>
    /// <param name="pendingOnly">Only the alerts not yet notified (e-mail, webhook).</param>
    /// <param name="limit">The most alerts returned.</param>
    /// <param name="offset">Alerts skipped first (paging through the history, in the same order).</param>
    public IReadOnlyList<KpiAlert> ListAlerts(string? scheduleId = null, bool pendingOnly = false, int limit = 500, int offset = 0) => Monitoring(() =>
    {
        var alerts = new List<KpiAlert>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT alert FROM monitor_alerts WHERE ($id IS NULL OR schedule_id = $id) AND (NOT $pending OR NOT notified) " +
            "ORDER BY period_end_ticks DESC, id LIMIT $limit OFFSET $offset";
        command.Parameters.Add(new DuckDBParameter("id", scheduleId));
        command.Parameters.Add(new DuckDBParameter("pending", pendingOnly));
        command.Parameters.Add(new DuckDBParameter("limit", (long)limit));
        command.Parameters.Add(new DuckDBParameter("offset", (long)Math.Max(0, offset)));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            alerts.Add(JsonSerializer.Deserialize<KpiAlert>(reader.GetString(0), ResultJson.Options)!);
        }

        return alerts;
    });

    /// <summary>
    /// Deletes the notified alerts of periods that ended before <paramref name="before"/> (the alert history's retention);
    /// pending alerts stay until notified. Returns how many were deleted.
    /// </summary>
    public int PruneAlerts(DateTimeOffset before) => Monitoring(() =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM monitor_alerts WHERE notified AND period_end_ticks < $before";
        command.Parameters.Add(new DuckDBParameter("before", before.UtcTicks));
        return command.ExecuteNonQuery();
    });

    /// <summary>Marks alerts as notified (their digest was sent), so a restart does not send them again.</summary>
    public void MarkNotified(IEnumerable<string> alertIds)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        var ids = alertIds.ToList();
        Monitoring(() =>
        {
            foreach (var id in ids)
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "UPDATE monitor_alerts SET notified = true WHERE id = $id";
                command.Parameters.Add(new DuckDBParameter("id", id));
                command.ExecuteNonQuery();
            }

            return ids.Count;
        });
    }

    private T Monitoring<T>(Func<T> operation)
    {
        Enter();
        try
        {
            if (!_monitoringReady)
            {
                Execute(MonitoringTables);
                _monitoringReady = true;
            }

            return operation();
        }
        finally
        {
            _gate.Release();
        }
    }
}
