using System.Globalization;
using System.Text;
using System.Text.Json;
using Journeyscope.EventLogs;
using Journeyscope.Identity;
using Journeyscope.Storage;
using Journeyscope.Storage.Collector;
using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

/// <summary>`journeyscope erase` (issue 15 §4): the customer is gone from every byte, the others' analyses are intact.</summary>
public sealed class EraseCommandTests
{
    private const string Customer = "cust-erase-001";
    private const string Anonymous = "anon-erase-7f3a";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erase_CustomerFromCsvAndCollector_NoByteLeftOthersIntactAndReimportRefused()
    {
        // Given a CSV import (with a marker value and a bad line naming the customer) and collected events under an
        // anonymous id merged into the customer by identify
        using var temp = new TempFolder();
        var marker = "ZZ-MARKER-" + Guid.NewGuid().ToString("N");
        var csv = temp.File("orders.csv",
            "case_id,activity,timestamp,channel,note\n" +
            $"{Customer},Visit,2026-03-01T08:00:00Z,web,{marker}\n" +
            $"{Customer},Buy,2026-03-01T08:05:00Z,web,paid\n" +
            "cust-keep-002,Visit,2026-03-01T08:01:00Z,web,first\n" +
            "cust-keep-002,Buy,2026-03-01T08:07:00Z,store,paid\n" +
            "cust-keep-003,Visit,2026-03-01T08:02:00Z,app,first\n" +
            $"{Customer},Refund,not-a-date,web,{marker}\n");
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", csv, "--workspace", workspace).ExitCode.ShouldBe(0);
        await CollectAsync(workspace, Track("m-1", Anonymous, "Viewed product", 0), Track("m-2", Anonymous, "Added to cart", 1),
            Track("m-3", "anon-other-9", "Viewed product", 2), Identify("m-4", Customer, Anonymous, 3));
        var before = Info(workspace);
        var variantsBefore = VariantCases(workspace);
        FileScan.Find(workspace, [Customer, Anonymous, marker]).ShouldNotBeEmpty();

        // When the customer is erased through the CLI
        var erase = CliRun.Run("erase", "--workspace", workspace, "--customer", Customer, "--format", "json");

        // Then the receipt reports success, no byte of the workspace holds an id or the marker, and the others' analyses
        // count exactly what they counted before minus the customer's 5 events and 1 stitched case
        erase.ExitCode.ShouldBe(0, erase.Error);
        var receipt = Json(erase.Output);
        receipt.GetProperty("succeeded").GetBoolean().ShouldBeTrue();
        receipt.GetProperty("verification").GetProperty("occurrences").GetInt64().ShouldBe(0);
        FileScan.Find(workspace, [Customer, Anonymous, marker]).ShouldBeEmpty();
        var after = Info(workspace);
        after.GetProperty("events").GetInt64().ShouldBe(before.GetProperty("events").GetInt64() - 5);
        VariantCases(workspace).ShouldBe(variantsBefore - 1);

        // And importing the original CSV again does not bring them back
        var again = CliRun.Run("import", csv, "--workspace", workspace);
        again.ExitCode.ShouldBe(0, again.Error);
        Info(workspace).GetProperty("events").GetInt64().ShouldBe(after.GetProperty("events").GetInt64());
        FileScan.Find(workspace, [Customer, Anonymous, marker]).ShouldBeEmpty();
    }

    [Fact]
    public void Erase_ManyCustomersOneAfterAnother_EachLeavesNoByteAndTheRestExact()
    {
        // Given a generated workspace of 40 customers with 3 events each, every customer with a value of its own
        using var temp = new TempFolder();
        var text = new StringBuilder("case_id,activity,timestamp,email\n");
        for (var c = 0; c < 40; c++)
        {
            for (var e = 0; e < 3; e++)
            {
                text.Append(CultureInfo.InvariantCulture, $"customer-{c:D3},Step {e},2026-03-01T08:{c:D2}:{e:D2}Z,person{c:D3}@example.org\n");
            }
        }

        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("many.csv", text.ToString()), "--workspace", workspace).ExitCode.ShouldBe(0);

        // When ten customers are erased one after another
        for (var c = 0; c < 10; c++)
        {
            var erase = CliRun.Run("erase", "--workspace", workspace, "--customer", $"customer-{c * 3:D3}");

            // Then each erasure verifies clean, and the rest is exactly what it was minus 3 events per erased customer
            erase.ExitCode.ShouldBe(0, erase.Error + erase.Output);
            Info(workspace).GetProperty("events").GetInt64().ShouldBe(120 - (3 * (c + 1)));
        }

        FileScan.Find(workspace, [.. Enumerable.Range(0, 10).SelectMany(c => new[] { $"customer-{c * 3:D3}", $"person{c * 3:D3}@example.org" })]).ShouldBeEmpty();
        FileScan.Find(workspace, ["customer-001", "person001@example.org"]).ShouldNotBeEmpty();
    }

    [Fact]
    public void Erase_DryRunAsTable_ListsTheRowsAndKeepsThem()
    {
        // Given a workspace with the customer
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("a.csv", $"case_id,activity,timestamp\n{Customer},Visit,2026-03-01T08:00:00Z\nother-1,Visit,2026-03-01T08:00:00Z\n"),
            "--workspace", workspace).ExitCode.ShouldBe(0);

        // When a dry run is asked for
        var run = CliRun.Run("erase", "--workspace", workspace, "--customer", Customer, "--dry-run");

        // Then the table says what would go, and nothing went
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("Would remove (dry run)");
        run.Output.ShouldContain("events");
        Info(workspace).GetProperty("events").GetInt64().ShouldBe(2);
    }

    [Fact]
    public void Erase_WithoutCustomer_IsAUsageError()
    {
        using var temp = new TempFolder();
        CliRun.Run("erase", "--workspace", temp.Path).ExitCode.ShouldBe(2);
    }

    private static async Task CollectAsync(string folder, params CollectedMessage[] messages)
    {
        using var workspace = Workspace.Open(folder);
        await workspace.CollectAsync(new CollectedBatch("collector:segment", "segment", messages, []), TimeSpan.FromDays(30), Ct);
    }

    private static CollectedMessage Track(string id, string caseId, string activity, int minute) => new()
    {
        MessageId = id,
        CaseId = caseId,
        Activity = activity,
        Timestamp = T0.AddMinutes(minute),
        Properties = [new("anonymousId", AttributeValue.FromString(caseId))],
    };

    private static CollectedMessage Identify(string id, string customer, string anonymous, int minute) => new()
    {
        MessageId = id,
        CaseId = customer,
        Activity = "Identify",
        Timestamp = T0.AddMinutes(minute),
        KnownIds = [customer],
        Links = [new IdentityLink(anonymous, customer, T0.AddMinutes(minute).UtcTicks)],
    };

    private static JsonElement Info(string workspace)
    {
        var run = CliRun.Run("info", "--workspace", workspace, "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        return Json(run.Output);
    }

    /// <summary>The stitched cases the variants analysis counts (the sum of its variants' cases).</summary>
    private static long VariantCases(string workspace)
    {
        var run = CliRun.Run("variants", "--workspace", workspace, "--all", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        return Json(run.Output).GetProperty("variants").EnumerateArray().Sum(v => v.GetProperty("cases").GetInt64());
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
