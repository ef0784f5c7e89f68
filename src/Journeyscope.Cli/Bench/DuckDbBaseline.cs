using System.Globalization;
using DuckDB.NET.Data;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// The baseline for the discovery benchmark: the same results computed by DuckDB SQL over the same events, loaded once
/// into an in-memory table before timing, written as a strong SQL user would: one window pass for the edge family
/// (DFG and performance DFG together) and one GROUP BY case pass for the case family (variants and case durations
/// together, with GROUPING SETS), each quantile set in one aggregate.
/// </summary>
/// <remarks>
/// Seconds are computed from whole milliseconds (<c>epoch_ms</c>, the precision of the generated CSV) and summed as
/// integers, so the baseline's sums and extremes are exact and comparable with ours. Ties in time keep file order
/// (<c>seq</c>), as our event log does.
/// </remarks>
internal sealed class DuckDbBaseline : IDisposable
{
    private const string EdgeQuery =
        """
        SELECT a, b, n, mean, q[1] / 1000, lo, hi, total, sd, q[2] / 1000 FROM (
          SELECT a, b, count(*) AS n, avg(ms) / 1000 AS mean, min(ms) / 1000 AS lo, max(ms) / 1000 AS hi,
                 sum(ms)::DOUBLE / 1000 AS total, stddev_samp(ms) / 1000 AS sd, quantile_cont(ms::DOUBLE, [0.5, 0.9]) AS q
          FROM (
            SELECT activity AS a, lead(activity) OVER w AS b, epoch_ms(lead(ts) OVER w) - epoch_ms(ts) AS ms
            FROM events WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq))
          WHERE b IS NOT NULL
          GROUP BY a, b)
        """;

    private const string CaseQuery =
        """
        SELECT trace, n, mean, q[1] / 1000, lo, hi, q[2] / 1000, q[3] / 1000 FROM (
          SELECT trace, count(*) AS n, avg(ms) / 1000 AS mean, min(ms) / 1000 AS lo, max(ms) / 1000 AS hi,
                 quantile_cont(ms::DOUBLE, [0.5, 0.9, 0.95]) AS q
          FROM (
            SELECT string_agg(activity, chr(31) ORDER BY ts, seq) AS trace, epoch_ms(max(ts)) - epoch_ms(min(ts)) AS ms
            FROM events GROUP BY case_id)
          GROUP BY GROUPING SETS ((trace), ()))
        """;

    private readonly DuckDBConnection _connection;

    public DuckDbBaseline(string csvPath)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"""
            CREATE TABLE events AS
            SELECT row_number() OVER () AS seq, case_id, activity, CAST(timestamp AS TIMESTAMP) AS ts, resource, channel
            FROM read_csv('{csvPath.Replace("'", "''", StringComparison.Ordinal)}', header = true);
            """);
        command.ExecuteNonQuery();
    }

    /// <summary>DFG, performance DFG, variants and case durations: two queries, every row read back.</summary>
    public BaselineDiscovery Discover() => new(Edges(), Cases(out var durations), durations);

    public void Dispose() => _connection.Dispose();

    private Dictionary<(string From, string To), BaselineEdge> Edges()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = EdgeQuery;
        using var reader = command.ExecuteReader();
        var edges = new Dictionary<(string, string), BaselineEdge>();
        while (reader.Read())
        {
            edges[(reader.GetString(0), reader.GetString(1))] = new BaselineEdge(
                Long(reader.GetValue(2)), Double(reader.GetValue(3)), Double(reader.GetValue(4)), Double(reader.GetValue(5)),
                Double(reader.GetValue(6)), Double(reader.GetValue(7)), reader.IsDBNull(8) ? null : Double(reader.GetValue(8)),
                Double(reader.GetValue(9)));
        }

        return edges;
    }

    private Dictionary<string, BaselineVariant> Cases(out BaselineDurations durations)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = CaseQuery;
        using var reader = command.ExecuteReader();
        var variants = new Dictionary<string, BaselineVariant>(StringComparer.Ordinal);
        durations = default;
        while (reader.Read())
        {
            var cases = Long(reader.GetValue(1));
            if (reader.IsDBNull(0))
            {
                durations = new BaselineDurations(cases, Double(reader.GetValue(2)), Double(reader.GetValue(3)), Double(reader.GetValue(4)),
                    Double(reader.GetValue(5)), Double(reader.GetValue(6)), Double(reader.GetValue(7)));
            }
            else
            {
                variants[reader.GetString(0)] = new BaselineVariant(cases, Double(reader.GetValue(2)), Double(reader.GetValue(3)));
            }
        }

        return variants;
    }

    private static long Long(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static double Double(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
