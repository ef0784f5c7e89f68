using System.CommandLine;
using System.Globalization;
using DuckDB.NET.Data;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Funnels;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench funnel</c>: a 5-step funnel with a 7-day window and a breakdown by channel on the generated log,
/// our engine versus the same funnel in DuckDB SQL over the same events, results checked equal, ratio reported.
/// </summary>
internal static class BenchFunnelCommand
{
    private static readonly string[] Steps = ["Visit site", "View product", "Add to cart", "Pay", "Order confirmed"];

    public static Command Create(CliContext context)
    {
        var events = BenchOptions.GeneratedEvents();
        var runs = BenchOptions.Runs();
        var command = new Command("funnel",
            "A 5-step funnel (Visit site > View product > Add to cart > Pay > Order confirmed) with a 7-day window and a breakdown by " +
            "channel: our engine versus the same funnel in DuckDB SQL over the same generated events, in one run, results compared.\n" +
            "Example: journeyscope bench funnel --events 10000000")
        {
            events, runs,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var n = BenchOptions.Runs(parse, runs);
            var code = GeneratedLog.Run(parse.GetValue(events), cancellationToken, generated =>
            {
                var (csv, log, cases, written) = generated;
                var definition = Definition();
                var ours = Measure.Best(n, () => FunnelAnalysis.Compute(log, definition, cancellationToken));
                using var duckdb = new DuckDBConnection("DataSource=:memory:");
                duckdb.Open();
                Load(duckdb, csv);
                var sql = Measure.Best(n, () => RunSql(duckdb));
                var mismatches = Compare(ours.Result, sql.Result);
                var table = new Table("Funnel benchmark", "Engine", "Seconds", "Peak MiB", "Speed-up", "Events", "Cases", "Converted");
                table.Add("Journeyscope (5 steps, 7-day window, by channel)", Human.Duration(ours.Seconds), ours.PeakMiB, sql.Seconds / ours.Seconds,
                    written, cases, ours.Result.Steps[^1].Entered);
                table.Add("DuckDB SQL (window functions + joins, same funnel)", Human.Duration(sql.Seconds), sql.PeakMiB, 1.0, written, cases,
                    sql.Result.TryGetValue(("", 4), out var last) ? last.Count : 0);
                var report = new Report().Add(table);
                report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Speed-up = DuckDB seconds / our seconds. Both: best of {n} runs on data loaded beforehand (our EventLog, DuckDB's in-memory table)."));
                report.Notes.Add(mismatches.Count == 0
                    ? "Results equal: entered per step and breakdown value, and median/p90 time from the first step (within 1 ms)."
                    : "RESULTS DIFFER: " + string.Join("; ", mismatches.Take(5)));
                report.Write(context.GetFormat(parse), context.Output);
                return mismatches.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
            });
            return Task.FromResult(code);
        });
        return command;
    }

    /// <summary>The benchmarked funnel: five steps, a 7-day window, by channel.</summary>
    internal static FunnelDefinition Definition() => new(Steps.Select(s => new FunnelStep(s)))
    {
        Window = TimeSpan.FromDays(7),
        Breakdown = "channel",
    };

    internal static void Load(DuckDBConnection connection, string csv)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"""
            CREATE TABLE events AS
            SELECT row_number() OVER () AS seq, case_id, activity, CAST(timestamp AS TIMESTAMP) AS ts, resource, channel
            FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}', header = true);
            """);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The funnel in SQL: each step-1 event starts an attempt; each later step takes the earliest matching event after the
    /// previous one within 7 days of the start (greedy, exact without per-step windows); each case keeps its earliest
    /// attempt with the deepest step; counts and time quantiles per channel and overall (channel '').
    /// </summary>
    internal static Dictionary<(string Channel, int Step), (long Count, double? Median, double? P90)> RunSql(DuckDBConnection connection)
    {
        var next = new System.Text.StringBuilder();
        for (var j = 2; j <= Steps.Length; j++)
        {
            next.Append(CultureInfo.InvariantCulture,
                $"""
                , s{j} AS (
                  SELECT s.*, min(f.pos) AS p{j}, arg_min(f.ts, f.pos) AS t{j}
                  FROM s{j - 1} s LEFT JOIN f ON f.case_id = s.case_id AND f.activity = '{Steps[j - 1]}'
                    AND f.pos > s.p{j - 1} AND f.ts <= s.t1 + INTERVAL 7 DAY
                  GROUP BY ALL)

                """);
        }

        var stepList = string.Join(", ", Steps.Select(s => "'" + s + "'"));
        var selects = new List<string>();
        for (var j = 1; j <= Steps.Length; j++)
        {
            selects.Add(j == 1
                ? "count(*) AS n1, NULL AS m1, NULL AS q1"
                : $"count(t{j}) AS n{j}, quantile_cont(epoch(t{j}) - epoch(t1), 0.5) AS m{j}, quantile_cont(epoch(t{j}) - epoch(t1), 0.9) AS q{j}");
        }

        var depth = string.Join(" ", Enumerable.Range(2, Steps.Length - 1).Reverse().Select(j => $"WHEN p{j} IS NOT NULL THEN {j}"));
        var query = $"""
            WITH e AS (SELECT case_id, activity, ts, channel, row_number() OVER (PARTITION BY case_id ORDER BY ts, seq) AS pos FROM events),
            f AS (SELECT case_id, activity, ts, pos, channel FROM e WHERE activity IN ({stepList})),
            s1 AS (SELECT case_id, channel, pos AS p1, ts AS t1 FROM f WHERE activity = '{Steps[0]}')
            {next}
            , best AS (
              SELECT * FROM (
                SELECT *, row_number() OVER (PARTITION BY case_id ORDER BY CASE {depth} ELSE 1 END DESC, p1) AS pick FROM s{Steps.Length})
              WHERE pick = 1)
            SELECT coalesce(channel, '') AS channel, {string.Join(", ", selects)}
            FROM best GROUP BY GROUPING SETS ((channel), ())
            """;
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var result = new Dictionary<(string, int), (long, double?, double?)>();
        while (reader.Read())
        {
            var channel = reader.GetString(0);
            for (var j = 0; j < Steps.Length; j++)
            {
                var column = 1 + (3 * j);
                result[(channel, j)] = (
                    Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture),
                    reader.IsDBNull(column + 1) ? null : Convert.ToDouble(reader.GetValue(column + 1), CultureInfo.InvariantCulture),
                    reader.IsDBNull(column + 2) ? null : Convert.ToDouble(reader.GetValue(column + 2), CultureInfo.InvariantCulture));
            }
        }

        return result;
    }

    /// <summary>The differences between our funnel and the SQL one (entered per step and breakdown value, median/p90 within 1 ms); empty when equal.</summary>
    internal static List<string> Compare(FunnelResult ours, Dictionary<(string Channel, int Step), (long Count, double? Median, double? P90)> sql)
    {
        var mismatches = new List<string>();
        void Check(string channel, IReadOnlyList<FunnelStepResult> steps)
        {
            for (var j = 0; j < steps.Count; j++)
            {
                if (!sql.TryGetValue((channel, j), out var expected))
                {
                    mismatches.Add($"{channel} step {j + 1}: missing in SQL");
                    continue;
                }

                if (expected.Count != steps[j].Entered ||
                    !Close(steps[j].MedianTimeFromFirst, expected.Median) || !Close(steps[j].P90TimeFromFirst, expected.P90))
                {
                    mismatches.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{channel} step {j + 1}: ours {steps[j].Entered} {steps[j].MedianTimeFromFirst?.TotalSeconds} {steps[j].P90TimeFromFirst?.TotalSeconds}, " +
                        $"SQL {expected.Count} {expected.Median} {expected.P90}"));
                }
            }
        }

        Check("", ours.Steps);
        var channels = new HashSet<string>(StringComparer.Ordinal) { "" };
        foreach (var group in ours.Breakdown)
        {
            channels.Add(group.Value ?? "");
            Check(group.Value ?? "", group.Steps);
        }

        foreach (var channel in sql.Keys.Select(key => key.Channel).Distinct(StringComparer.Ordinal).Where(c => !channels.Contains(c)))
        {
            mismatches.Add($"{channel}: SQL only");
        }

        return mismatches;
    }

    private static bool Close(TimeSpan? ours, double? sql) =>
        ours is null ? sql is null : sql is not null && Math.Abs(ours.Value.TotalSeconds - sql.Value) <= 0.001;
}
