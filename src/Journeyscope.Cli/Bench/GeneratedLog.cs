using Journeyscope.EventLogs;
using Journeyscope.IO;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// The synthetic log a benchmark runs on: written as CSV into a temporary folder (the baselines read that file),
/// imported as an <see cref="EventLog"/>, and deleted with the folder afterwards.
/// </summary>
/// <param name="CsvPath">The CSV file, for baselines that load it themselves.</param>
/// <param name="Log">The imported log.</param>
/// <param name="Cases">Cases written.</param>
/// <param name="Events">Events written.</param>
internal sealed record GeneratedLog(string CsvPath, EventLog Log, long Cases, long Events)
{
    /// <summary>Generates about <paramref name="events"/> events, runs <paramref name="benchmark"/> on them, then deletes the files.</summary>
    public static T Run<T>(long events, CancellationToken cancellationToken, Func<GeneratedLog, T> benchmark)
    {
        var folder = Directory.CreateTempSubdirectory("journeyscope-bench-");
        try
        {
            var csv = Path.Combine(folder.FullName, "events.csv");
            var (cases, written) = SyntheticLog.WriteCsv(csv, events);
            var log = CsvImporter.Import(csv, cancellationToken: cancellationToken).Log;
            return benchmark(new GeneratedLog(csv, log, cases, written));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
