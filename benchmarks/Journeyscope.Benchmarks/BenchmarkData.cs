using Journeyscope.Cli.Bench;
using Journeyscope.EventLogs;
using Journeyscope.IO;

namespace Journeyscope.Benchmarks;

/// <summary>
/// The data the kernels run on: the generated journey log of the macro benches (<c>SyntheticLog</c>, linked from the CLI)
/// written once per process as CSV, and the real logs in ../shared/data (found from the build folder up, or
/// JOURNEYSCOPE_SHARED_DATA).
/// </summary>
internal static class BenchmarkData
{
    /// <summary>Events in the generated log: large enough to fill every chunk loop, small enough for a short job.</summary>
    public const long GeneratedEvents = 200_000;

    private static readonly Lazy<string> GeneratedCsvPath = new(WriteGeneratedCsv);

    /// <summary>The generated log as CSV (written once into the temp folder, deleted when the process exits).</summary>
    public static string GeneratedCsv => GeneratedCsvPath.Value;

    /// <summary>The generated log, imported.</summary>
    public static EventLog GeneratedLog() => CsvImporter.Import(GeneratedCsv).Log;

    /// <summary>The full path of a file under the shared data folder, e.g. <c>logs/SEPSIS.xes.gz</c>.</summary>
    public static string Shared(string relative)
    {
        var configured = Environment.GetEnvironmentVariable("JOURNEYSCOPE_SHARED_DATA");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, relative)))
        {
            return Path.Combine(configured, relative);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var root in new[] { Path.Combine(dir.FullName, "shared", "data"), Path.Combine(dir.FullName, "..", "shared", "data") })
            {
                var candidate = Path.Combine(root, relative);
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new FileNotFoundException($"{relative} was not found under ../shared/data; set JOURNEYSCOPE_SHARED_DATA to the shared data folder.");
    }

    private static string WriteGeneratedCsv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"journeyscope-bdn-{Environment.ProcessId}.csv");
        SyntheticLog.WriteCsv(path, GeneratedEvents);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
