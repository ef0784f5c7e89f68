using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;
using Journeyscope.IO;
using Journeyscope.TestSupport;

namespace Journeyscope.Storage.Tests;

/// <summary>
/// Every real log in ../shared/data/logs, imported as the CLI imports it, keeps exactly the events of the file: the
/// count read independently from the file (and PM4Py's count where a reference exists) equals the stored count.
/// </summary>
/// <remarks>
/// Slow-ish (about 1.3 million events in all) but part of CI: it is the acceptance test of "no real event is dropped".
/// Runs alone (not beside the other classes) so that it does not slow the tests that measure start-up time.
/// </remarks>
[Collection(RealLogImportTests.Collection)]
public sealed class RealLogImportTests
{
    /// <summary>The collection the heavy real-log imports run in, without parallel neighbours.</summary>
    public const string Collection = "Real logs";

    /// <summary>Every event log file in ../shared/data/logs (a test checks that the list is complete).</summary>
    public static readonly TheoryData<string> Logs =
    [
        "BPIC15_1.xes.gz", "BPIC15_2.xes.gz", "BPIC15_3.xes.gz", "BPIC15_4.xes.gz", "BPIC15_5.xes.gz",
        "BPI_2020_DomesticDeclarations.xes.gz", "BPI_2020_InternationalDeclarations.xes.gz", "BPI_2020_PermitLog.xes.gz",
        "BPI_2020_PrepaidTravelCost.xes.gz", "BPI_2020_RequestForPayment.xes.gz", "SEPSIS.xes.gz", "bpic2012.xes.gz",
        "bpic2013_closed_problems.xes.gz", "bpic2013_incidents.xes.gz", "bpic2016_complaints.csv",
        "bpic2019_1t_per_variant.xes.gz", "helpdesk.xes.gz", "ocel20_example.jsonocel", "ocel20_example.sqlite",
        "ocel20_example.xmlocel", "receipt.xes.gz", "recruiting-red.jsonocel", "roadtraffic100traces.xes",
        "running-example.xes", "sepsis_eventdataR.csv",
    ];

    /// <summary>PM4Py 2.7's event counts (../shared/data/reference/NAME/summary.json) by file.</summary>
    private static readonly Dictionary<string, string> References = new(StringComparer.Ordinal)
    {
        ["SEPSIS.xes.gz"] = "SEPSIS",
        ["sepsis_eventdataR.csv"] = "SEPSIS",
        ["helpdesk.xes.gz"] = "helpdesk",
        ["receipt.xes.gz"] = "receipt",
        ["bpic2013_closed_problems.xes.gz"] = "bpic2013_closed_problems",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Logs_ListEveryLogOfTheSharedFolder()
    {
        var folder = SharedData.Path("logs");

        var files = Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => !n!.EndsWith(".md", StringComparison.Ordinal));

        files.Order(StringComparer.Ordinal).ShouldBe(Logs.Select(row => row.Data).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public async Task ImportThenInfo_RealLog_KeepsExactlyTheEventsOfTheFile(string name)
    {
        // Given
        var path = SharedData.Path("logs/" + name);
        var expected = EventsInFile(path);
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);

        // When imported as `journeyscope import` does
        var result = EventLogFile.Import(path, FileOptions(name), cancellationToken: Ct);
        var summary = await workspace.AppendAsync(result, name, Ct);
        var info = workspace.GetInfo();

        // Then
        result.Quarantine.ShouldBeEmpty();
        summary.DuplicatesSkipped.ShouldBe(0);
        summary.EventsAdded.ShouldBe(result.Log.EventCount);
        info.EventCount.ShouldBe(result.Log.EventCount);
        info.CaseCount.ShouldBe(result.Log.CaseCount);
        if (expected is { } count)
        {
            info.EventCount.ShouldBe(count);
        }

        if (References.TryGetValue(name, out var reference))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(SharedData.Path($"reference/{reference}/summary.json")));
            info.EventCount.ShouldBe(json.RootElement.GetProperty("events").GetInt64());
            info.CaseCount.ShouldBe(json.RootElement.GetProperty("cases").GetInt64());
        }
    }

    /// <summary>The mapping a user passes on the command line for files whose columns are not detected.</summary>
    private static EventLogFileOptions FileOptions(string name) =>
        name == "bpic2016_complaints.csv"
            ? new EventLogFileOptions
            {
                Csv = new CsvImportOptions
                {
                    CaseColumn = "CustomerID",
                    ActivityColumn = "ComplaintTopic_EN",
                    TimestampColumn = "ContactDate",
                    ChannelColumn = "ContactChannelID",
                },
            }
            : EventLogFileOptions.Default;

    /// <summary>
    /// The file's events counted without the importer: <c>event</c> elements of XES, non-empty data lines of CSV;
    /// null for OCEL (a flattened log has one event per event and case object, which the importer defines).
    /// </summary>
    private static long? EventsInFile(string path)
    {
        if (path.EndsWith(".csv", StringComparison.Ordinal))
        {
            return File.ReadLines(path, Encoding.Latin1).Skip(1).LongCount(line => line.Length > 0);
        }

        if (!path.Contains(".xes", StringComparison.Ordinal))
        {
            return null;
        }

        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        long events = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "event")
            {
                events++;
            }
        }

        return events;
    }
}
