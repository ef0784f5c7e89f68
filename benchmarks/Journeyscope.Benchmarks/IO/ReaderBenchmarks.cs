using BenchmarkDotNet.Attributes;
using Journeyscope.IO;

namespace Journeyscope.Benchmarks.IO;

/// <summary>
/// The readers, file to <see cref="Journeyscope.EventLogs.EventLog"/>: XES (gzip) on real logs and CSV on the generated log.
/// </summary>
/// <remarks>Public and not sealed: BenchmarkDotNet derives its runner from the class.</remarks>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private string _helpdesk = null!;
    private string _sepsis = null!;
    private string _csv = null!;

    [GlobalSetup]
    public void Setup()
    {
        _helpdesk = BenchmarkData.Shared("logs/helpdesk.xes.gz");
        _sepsis = BenchmarkData.Shared("logs/SEPSIS.xes.gz");
        _csv = BenchmarkData.GeneratedCsv;
    }

    /// <summary>helpdesk.xes.gz: 4,580 cases, 21,348 events.</summary>
    [Benchmark]
    public ImportResult XesHelpdesk() => XesImporter.Import(_helpdesk);

    /// <summary>SEPSIS.xes.gz: 1,050 cases, 15,214 events with many attributes.</summary>
    [Benchmark]
    public ImportResult XesSepsis() => XesImporter.Import(_sepsis);

    /// <summary>The generated CSV: about 200,000 events, 5 columns.</summary>
    [Benchmark]
    public ImportResult CsvGenerated() => CsvImporter.Import(_csv);
}
