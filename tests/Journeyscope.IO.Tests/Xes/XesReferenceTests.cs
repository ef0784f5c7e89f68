using System.Globalization;
using System.Text.Json;
using Journeyscope.EventLogs;
using Journeyscope.TestSupport;

namespace Journeyscope.IO.Tests.Xes;

public sealed class XesReferenceTests
{
    public static TheoryData<string> XesLogs() =>
    [
        "BPIC15_1.xes.gz", "BPIC15_2.xes.gz", "BPIC15_3.xes.gz", "BPIC15_4.xes.gz", "BPIC15_5.xes.gz",
        "BPI_2020_DomesticDeclarations.xes.gz", "BPI_2020_InternationalDeclarations.xes.gz", "BPI_2020_PermitLog.xes.gz",
        "BPI_2020_PrepaidTravelCost.xes.gz", "BPI_2020_RequestForPayment.xes.gz", "SEPSIS.xes.gz", "bpic2012.xes.gz",
        "bpic2013_closed_problems.xes.gz", "bpic2013_incidents.xes.gz", "bpic2019_1t_per_variant.xes.gz",
        "helpdesk.xes.gz", "receipt.xes.gz", "roadtraffic100traces.xes", "running-example.xes",
    ];

    [Fact]
    public void XesLogs_ListsEveryXesFileInSharedData()
    {
        // Given the shared logs folder / When its XES files are listed / Then the theory below covers all of them
        var folder = SharedData.Path("logs");
        var onDisk = Directory.GetFiles(folder).Select(Path.GetFileName)
            .Where(n => n!.EndsWith(".xes", StringComparison.Ordinal) || n.EndsWith(".xes.gz", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        onDisk.ShouldBe(XesLogs().Select(row => row.Data).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(XesLogs))]
    public void Import_RealLog_StrictSucceedsAndCountsAddUp(string file)
    {
        // Given a real XES log
        var path = SharedData.Path($"logs/{file}");

        // When imported in strict mode
        var result = XesImporter.Import(path, new ImportOptions { Mode = ImportMode.Strict }, TestContext.Current.CancellationToken);

        // Then every event is imported
        result.Quarantine.ShouldBeEmpty();
        result.Log.EventCount.ShouldBe((int)result.RecordsRead);
        result.Log.EventCount.ShouldBeGreaterThan(0);
        result.Log.CaseCount.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("receipt")]
    [InlineData("helpdesk")]
    [InlineData("SEPSIS")]
    [InlineData("bpic2013_closed_problems")]
    public void Import_ReferenceLog_MatchesPm4pySummary(string name)
    {
        // Given a log and PM4Py's summary of it
        using var summary = JsonDocument.Parse(File.ReadAllText(SharedData.Path($"reference/{name}/summary.json")));
        var root = summary.RootElement;
        var path = SharedData.Path($"logs/{root.GetProperty("log").GetString()}");

        // When imported and read in wall-clock time (as PM4Py does)
        var log = XesImporter.Import(path, new ImportOptions { Mode = ImportMode.Strict }, TestContext.Current.CancellationToken).Log;
        var wall = log.ToTimeBasis(TimeBasis.WallClock);

        // Then cases, events, activities and the first and last timestamps agree
        log.CaseCount.ShouldBe(root.GetProperty("cases").GetInt32());
        log.EventCount.ShouldBe(root.GetProperty("events").GetInt32());
        log.ActivityCount.ShouldBe(root.GetProperty("activities").GetInt32());
        var first = DateTimeOffset.Parse(root.GetProperty("first_timestamp").GetString()!, CultureInfo.InvariantCulture);
        var last = DateTimeOffset.Parse(root.GetProperty("last_timestamp").GetString()!, CultureInfo.InvariantCulture);
        var timestamps = wall.Timestamps.ToArray();
        timestamps.Min().ShouldBe(first.Ticks);
        timestamps.Max().ShouldBe(last.Ticks);
    }
}
