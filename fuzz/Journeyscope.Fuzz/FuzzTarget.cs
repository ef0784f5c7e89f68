using System.Text;
using Journeyscope.IO;
using Journeyscope.IO.Journeys;
using Journeyscope.IO.Simulation;

namespace Journeyscope.Fuzz;

/// <summary>One fuzzing target: a name for the command line and the code that reads one input with it.</summary>
/// <remarks>
/// Every target accepts <see cref="ImportException"/> (the contract for bad input) and lets anything else escape, so
/// afl++ records it as a crash. Importers that need a path get the input written to a temporary file with the right
/// extension. Budgets keep one input from running away: a hang is then a real bug, not a big file.
/// </remarks>
internal sealed class FuzzTarget(string name, string description, Action<byte[]> run)
{
    /// <summary>
    /// Created per input, never in a static initialiser: instrumented code (all of Journeyscope.IO) may only run inside
    /// <c>Fuzzer.OutOfProcess.Run</c>, where SharpFuzz has mapped afl++'s coverage memory.
    /// </summary>
    private static ImportOptions Budget => new()
    {
        MaxEvents = 100_000,
        MaxDecompressedBytes = 64L << 20,
        MaxRows = 1_000_000,
    };

    /// <summary>Every target, by name.</summary>
    public static readonly IReadOnlyList<FuzzTarget> All =
    [
        new("xes", "XES and XES.GZ (XesImporter, from a stream)", bytes => XesImporter.Import(new MemoryStream(bytes), "fuzz.xes", Budget)),
        new("csv", "CSV with dialect and column detection (CsvImporter, from a stream)", bytes => CsvImporter.Import(new MemoryStream(bytes), "fuzz.csv", null, Budget)),
        new("jsonl", "JSON lines (JsonLinesImporter, from a stream)", bytes => JsonLinesImporter.Import(new MemoryStream(bytes), "fuzz.jsonl", Budget)),
        new("parquet", "Parquet (ParquetImporter, from a file)", bytes => WithFile(bytes, ".parquet", path => ParquetImporter.Import(path, Budget))),
        new("ocel-json", "OCEL 2.0 JSON (OcelImporter, from a file)", bytes => WithFile(bytes, ".jsonocel", path => OcelImporter.Import(path, null, Budget))),
        new("ocel-xml", "OCEL 2.0 XML (OcelImporter, from a file)", bytes => WithFile(bytes, ".xmlocel", path => OcelImporter.Import(path, null, Budget))),
        new("ocel-sqlite", "OCEL 2.0 SQLite (OcelImporter, from a file)", bytes => WithFile(bytes, ".sqlite", path => OcelImporter.Import(path, null, Budget))),
        new("journey-yaml", "designed journey YAML (JourneyYaml.Read)", bytes => JourneyYaml.Read(new StringReader(Text(bytes)), "fuzz.journey.yaml")),
        new("scenario-yaml", "simulation scenario YAML (ScenarioYaml.Read)", bytes => ScenarioYaml.Read(new StringReader(Text(bytes)), "fuzz.scenario.yaml")),
    ];

    /// <summary>The name given on the command line.</summary>
    public string Name { get; } = name;

    /// <summary>What the target reads.</summary>
    public string Description { get; } = description;

    /// <summary>Reads one input; an <see cref="ImportException"/> is the expected outcome for bad input.</summary>
    public void Run(byte[] input)
    {
        try
        {
            run(input);
        }
        catch (ImportException)
        {
            // Bad input reported the documented way: not a finding.
        }
    }

    private static string Text(byte[] bytes) => new UTF8Encoding(false, false).GetString(bytes);

    private static void WithFile(byte[] bytes, string extension, Action<string> import)
    {
        var path = Path.Combine(Path.GetTempPath(), $"journeyscope-fuzz-{Environment.ProcessId}{extension}");
        File.WriteAllBytes(path, bytes);
        try
        {
            import(path);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
