using System.Globalization;
using DuckDB.NET.Data;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// The baseline for the discovery benchmark: the same results computed by DuckDB SQL (window functions) over the
/// same events, loaded once into an in-memory table before timing.
/// </summary>
internal sealed class DuckDbBaseline : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDbBaseline(string csvPath)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute(string.Create(CultureInfo.InvariantCulture,
            $"""
            CREATE TABLE events AS
            SELECT row_number() OVER () AS seq, case_id, activity, CAST(timestamp AS TIMESTAMP) AS ts, resource, channel
            FROM read_csv('{csvPath.Replace("'", "''", StringComparison.Ordinal)}', header = true);
            """));
    }

    /// <summary>Directly-follows edges with counts; returns the number of edges.</summary>
    public long DirectlyFollows() => Count(
        """
        SELECT a, b, count(*) FROM (
          SELECT activity AS a, lead(activity) OVER (PARTITION BY case_id ORDER BY ts, seq) AS b FROM events)
        WHERE b IS NOT NULL GROUP BY a, b
        """);

    /// <summary>Performance DFG: mean, median, min, max, sum, stdev and p90 of the seconds per edge.</summary>
    public long PerformanceDirectlyFollows() => Count(
        """
        SELECT a, b, avg(s), median(s), min(s), max(s), sum(s), stddev_samp(s), quantile_cont(s, 0.9) FROM (
          SELECT activity AS a,
                 lead(activity) OVER w AS b,
                 epoch(lead(ts) OVER w) - epoch(ts) AS s
          FROM events WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq))
        WHERE b IS NOT NULL GROUP BY a, b
        """);

    /// <summary>Variants with case counts.</summary>
    public long Variants() => Count(
        """
        SELECT trace, count(*) FROM (
          SELECT case_id, string_agg(activity, ',' ORDER BY ts, seq) AS trace FROM events GROUP BY case_id)
        GROUP BY trace
        """);

    /// <summary>Case durations with mean, median, p90 and p95.</summary>
    public long CaseDurations() => Count(
        """
        SELECT avg(d), median(d), quantile_cont(d, 0.9), quantile_cont(d, 0.95), count(*) FROM (
          SELECT case_id, epoch(max(ts)) - epoch(min(ts)) AS d FROM events GROUP BY case_id)
        """);

    public void Dispose() => _connection.Dispose();

    /// <summary>Runs the query and reads every value of every row, so that no aggregate can be optimised away.</summary>
    private long Count(string query)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        long rows = 0;
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
