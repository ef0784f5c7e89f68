using System.IO.Compression;
using System.Text;
using Journeyscope.IO.Tests.Flat;
using Journeyscope.TestSupport;

namespace Journeyscope.IO.Tests.Mutation;

/// <summary>The files mutants are made from, per format: real files from shared data and generated ones.</summary>
internal static class MutationSeeds
{
    /// <summary>The formats the mutation suite covers.</summary>
    public static readonly string[] Formats = ["xes", "xes.gz", "csv", "jsonl", "parquet", "jsonocel", "xmlocel", "sqlite"];

    /// <summary>Seed files (bytes and the extension that selects the importer) for <paramref name="format"/>.</summary>
    public static IReadOnlyList<(byte[] Bytes, string Extension)> For(string format, TempFiles temp)
    {
        var running = File.ReadAllBytes(SharedData.Path("logs/running-example.xes"));
        return format switch
        {
            "xes" => [(running, ".xes"), (Encoding.UTF8.GetBytes(NestedXes), ".xes")],
            "xes.gz" => [(Gzip(running), ".xes.gz"), (Gzip(Encoding.UTF8.GetBytes(NestedXes)), ".xes.gz")],
            "csv" => [(Head(SharedData.Path("logs/sepsis_eventdataR.csv"), 300), ".csv"), (File.ReadAllBytes(SharedData.Path("logs/bpic2016_complaints.csv")), ".csv"), (Exported(running, ".csv", temp), ".csv")],
            "jsonl" => [(Exported(running, ".jsonl", temp), ".jsonl"), (Generated(".jsonl", temp), ".jsonl")],
            "parquet" => [(Exported(running, ".parquet", temp), ".parquet"), (Generated(".parquet", temp), ".parquet")],
            "jsonocel" => [(File.ReadAllBytes(SharedData.Path("logs/ocel20_example.jsonocel")), ".jsonocel"), (Exported(running, ".jsonocel", temp), ".jsonocel")],
            "xmlocel" => [(File.ReadAllBytes(SharedData.Path("logs/ocel20_example.xmlocel")), ".xmlocel")],
            "sqlite" => [(File.ReadAllBytes(SharedData.Path("logs/ocel20_example.sqlite")), ".sqlite")],
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>Gzip-compresses <paramref name="bytes"/>.</summary>
    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private const string NestedXes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="1.0">
          <global scope="event"><string key="concept:name" value="x"/></global>
          <trace><string key="concept:name" value="c1"/>
            <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2024-01-01T00:00:00Z"/>
              <float key="cost" value="INF"/><int key="n" value="7"/>
              <list key="items"><values><string key="a" value="1"/><list key="inner"><values><int key="b" value="2"/></values></list></values></list>
              <container key="box"><string key="k" value="v"/></container>
            </event>
            <event><string key="concept:name" value="B"/><date key="time:timestamp" value="2024-01-02T00:00:00+01:00"/><float key="cost" value="-1.5e3"/></event>
          </trace>
        </log>
        """;

    private static byte[] Head(string path, int lines)
    {
        var text = File.ReadLines(path).Take(lines);
        return Encoding.UTF8.GetBytes(string.Join('\n', text) + "\n");
    }

    private static byte[] Exported(byte[] xes, string extension, TempFiles temp)
    {
        var log = XesImporter.Import(new MemoryStream(xes), "running-example.xes").Log;
        var path = temp.Path("seed-real" + extension);
        EventLogFile.Export(log, path);
        return File.ReadAllBytes(path);
    }

    private static byte[] Generated(string extension, TempFiles temp)
    {
        var path = temp.Path("seed-generated" + extension);
        EventLogFile.Export(RandomLogs.Create(7, timestampAttributes: true), path);
        return File.ReadAllBytes(path);
    }
}
