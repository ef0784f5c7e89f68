using System.Text;
using Journeyscope.EventLogs;
using Journeyscope.TestSupport;

namespace Journeyscope.IO.Tests.Csv;

public sealed class CsvRealDataTests
{
    [Fact]
    public void Import_SepsisCsv_AutoDetectsColumnsAndMatchesXesCounts()
    {
        // Given the SEPSIS log as CSV (';', "Case ID", "Activity", "Complete Timestamp" as yyyy/MM/dd HH:mm:ss.fff)
        var path = SharedData.Path("logs/sepsis_eventdataR.csv");

        // When imported with detection only
        var result = CsvImporter.Import(path, cancellationToken: TestContext.Current.CancellationToken);

        // Then the counts match the published log
        result.Quarantine.ShouldBeEmpty();
        result.Log.EventCount.ShouldBe(15214);
        result.Log.CaseCount.ShouldBe(1050);
        result.Log.ActivityNames.ShouldContain("ER Registration");
        result.Log.Lifecycle.ShouldNotBeNull();
        result.Log.FindEventAttribute("Age")!.Type.ShouldBe(AttributeType.Long);
    }

    [Fact]
    public void Import_Bpic2016ComplaintsLatin1_WithExplicitMapping()
    {
        // Given the UWV complaints file: ';'-separated, latin1, one row per complaint
        var path = SharedData.Path("logs/bpic2016_complaints.csv");
        var rows = File.ReadAllLines(path, Encoding.Latin1).Skip(1).Count(l => l.Length > 0);
        var csv = new CsvImportOptions { CaseColumn = "CustomerID", ActivityColumn = "ComplaintTopic_EN", TimestampColumn = "ContactDate", ChannelColumn = "ContactChannelID" };

        // When imported with that mapping
        var result = CsvImporter.Import(path, csv, new ImportOptions { Mode = ImportMode.Strict }, TestContext.Current.CancellationToken);
        var inspection = CsvImporter.Inspect(path, csv);

        // Then every row is an event and accented Dutch text decodes
        result.Log.EventCount.ShouldBe(rows);
        result.Log.EventCount.ShouldBe(289);
        inspection.EncodingName.ShouldBe("windows-1252");
        inspection.Delimiter.ShouldBe(';');
        inspection.LineEnding.ShouldBe("CRLF");
    }

    [Fact]
    public void Import_OlistOrdersWide_OneEventPerNonEmptyTimestampCell()
    {
        // Given the olist orders table: one row per order with a timestamp column per step
        var path = SharedData.Path("datasets/olist_sample_cabg/olist_orders_dataset.csv");
        string[] steps = ["order_purchase_timestamp", "order_approved_at", "order_delivered_carrier_date", "order_delivered_customer_date"];
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var indices = steps.Select(s => Array.IndexOf(header, s)).ToArray();
        var cells = lines.Skip(1).Sum(l => indices.Count(i => l.Split(',')[i].Length > 0));
        var csv = new CsvImportOptions { CaseColumn = "order_id", WideTimestampColumns = steps };

        // When imported as a wide table
        var result = CsvImporter.Import(path, csv, cancellationToken: TestContext.Current.CancellationToken);

        // Then the events are exactly the non-empty timestamp cells, one case per order
        result.Quarantine.ShouldBeEmpty();
        result.Log.EventCount.ShouldBe(cells);
        result.Log.CaseCount.ShouldBe(8135);
        result.Log.FindEventAttribute("order_status").ShouldNotBeNull();
    }

    [Fact]
    public void Import_Rees46Clickstream_MapsSessionEventTypeAndTime()
    {
        // Given 1,000 clickstream events with "2019-10-01 00:00:00 UTC" times
        var path = SharedData.Path("datasets/rees46_ecommerce_events_sample/2019-Oct-sample.csv");
        var lines = File.ReadAllLines(path).Skip(1).ToArray();
        var sessions = lines.Select(l => l.Split(',')[8]).Where(s => s.Length > 0).Distinct().Count();
        var csv = new CsvImportOptions { CaseColumn = "user_session", ActivityColumn = "event_type", TimestampColumn = "event_time" };

        // When imported with that mapping
        var result = CsvImporter.Import(path, csv, cancellationToken: TestContext.Current.CancellationToken);

        // Then every row with a session is an event
        (result.RecordsImported + result.Quarantine.Count).ShouldBe(lines.Length);
        result.Log.EventCount.ShouldBe(lines.Count(l => l.Split(',')[8].Length > 0));
        result.Log.CaseCount.ShouldBe(sessions);
        result.Log.FindEventAttribute("price")!.Type.ShouldBe(AttributeType.Double);
        result.Log.GetTimestamp(0).Year.ShouldBe(2019);
    }
}
