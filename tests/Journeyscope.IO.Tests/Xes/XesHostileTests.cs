using System.Text;
using Journeyscope.EventLogs;
using static Journeyscope.IO.Tests.Xes.XesTestData;

namespace Journeyscope.IO.Tests.Xes;

/// <summary>The XES cases of issue 12: deep nesting, non-finite xs:double values, compression bombs and budgets.</summary>
public sealed class XesHostileTests
{
    [Fact]
    public void Import_DeeplyNestedLists_ImportExceptionWithLine()
    {
        // Given an event attribute nesting 100,000 lists (it used to crash the process: exit 134 / HTTP 500)
        var depth = 100_000;
        var nested = new StringBuilder("<list key=\"deep\">");
        for (var i = 0; i < depth; i++)
        {
            nested.Append("<values><list key=\"l\">");
        }

        for (var i = 0; i < depth; i++)
        {
            nested.Append("</list></values>");
        }

        nested.Append("</list>");
        var xml = Log($"<trace><string key=\"concept:name\" value=\"c\"/>\n{Event("A", "2024-01-01T00:00:00Z", nested.ToString())}</trace>");

        // When imported
        var ex = Should.Throw<ImportException>(() => Import(xml));

        // Then the error names the depth limit, the attribute and the line
        ex.Reason.ShouldContain("deeper than 64 levels");
        ex.Field.ShouldBe("deep");
        ex.Line.ShouldBe(4);
    }

    [Fact]
    public void Import_NestedListWithinLimit_KeptAsJsonText()
    {
        // Given a list holding a list (two levels)
        var list = "<list key=\"items\"><values><string key=\"a\" value=\"1\"/><list key=\"inner\"><values><int key=\"b\" value=\"2\"/></values></list></values></list>";
        var xml = Log($"<trace><string key=\"concept:name\" value=\"c\"/>{Event("A", "2024-01-01T00:00:00Z", list)}</trace>");

        // When imported
        var log = Import(xml).Log;

        // Then the list is kept as JSON text with its nested children in order
        log.FindEventAttribute("items")!.GetValue(0)!.Value.AsString().ShouldBe(
            "{\"type\":\"list\",\"children\":[{\"key\":\"a\",\"type\":\"string\",\"value\":\"1\"},{\"key\":\"inner\",\"type\":\"list\",\"children\":[{\"key\":\"b\",\"type\":\"int\",\"value\":\"2\"}]}]}");
    }

    [Fact]
    public void Import_InfAndNaN_ColumnStaysNumeric()
    {
        // Given float attributes INF, -INF, NaN and 1.5 (all valid xs:double)
        var events = string.Concat(
            Event("A", "2024-01-01T00:00:00Z", "<float key=\"cost\" value=\"INF\"/>"),
            Event("B", "2024-01-01T00:01:00Z", "<float key=\"cost\" value=\"-INF\"/>"),
            Event("C", "2024-01-01T00:02:00Z", "<float key=\"cost\" value=\"NaN\"/>"),
            Event("D", "2024-01-01T00:03:00Z", "<float key=\"cost\" value=\"1.5\"/>"));
        var result = Import(Log($"<trace><string key=\"concept:name\" value=\"c\"/>{events}</trace>"));

        // When the column is read / Then it is a double column holding the non-finite values, with no warning
        var cost = result.Log.FindEventAttribute("cost")!;
        cost.Type.ShouldBe(AttributeType.Double);
        cost.GetValue(0)!.Value.AsDouble().ShouldBe(double.PositiveInfinity);
        cost.GetValue(1)!.Value.AsDouble().ShouldBe(double.NegativeInfinity);
        double.IsNaN(cost.GetValue(2)!.Value.AsDouble()).ShouldBeTrue();
        cost.GetValue(3)!.Value.AsDouble().ShouldBe(1.5);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Export_NonFiniteDoubles_WrittenAsXsDoubleAndReadBack()
    {
        // Given a log with an infinite cost
        var builder = new EventLogBuilder();
        var ev = builder.AddEvent("c", "A", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, 0);
        builder.SetEventAttribute(ev, "cost", AttributeValue.FromDouble(double.NegativeInfinity));
        using var temp = new TempFiles();
        var path = temp.Path("inf.xes");

        // When exported to XES and imported again
        XesExporter.Export(builder.Build(), path);

        // Then the file says -INF (not .NET's "-Infinity") and the value comes back
        File.ReadAllText(path).ShouldContain("value=\"-INF\"");
        XesImporter.Import(path, cancellationToken: TestContext.Current.CancellationToken).Log.FindEventAttribute("cost")!.GetValue(0)!.Value.AsDouble().ShouldBe(double.NegativeInfinity);
    }

    [Fact]
    public void Import_GzipBomb_StopsAtDecompressedByteBudget()
    {
        // Given a small .xes.gz that expands to 200,000 identical events (about 30 MB of XML)
        var bomb = Bomb(200_000);
        bomb.Length.ShouldBeLessThan(1 << 20);

        // When imported with a budget of 4 MB of decompressed content
        var ex = Should.Throw<ImportException>(() =>
            XesImporter.Import(new MemoryStream(bomb), "bomb.xes.gz", new ImportOptions { MaxDecompressedBytes = 4 << 20 }));

        // Then the error names the budget and the CLI flag that raises it
        ex.Reason.ShouldContain("4,194,304 bytes");
        ex.Reason.ShouldContain("--max-bytes");
    }

    [Fact]
    public void Import_GzipBomb_StopsAtEventBudget()
    {
        // Given the same kind of bomb / When imported with an event budget of 1,000
        var ex = Should.Throw<ImportException>(() =>
            XesImporter.Import(new MemoryStream(Bomb(20_000)), "bomb.xes.gz", new ImportOptions { MaxEvents = 1_000 }));

        // Then the error names the event budget and its flag
        ex.Reason.ShouldContain("1,000 events");
        ex.Reason.ShouldContain("--max-events");
    }

    [Fact]
    public void Import_OverTimeBudget_ImportExceptionNamingTheBudget()
    {
        // Given a 200,000-event log and a time budget of one millisecond
        var options = new ImportOptions { MaxDuration = TimeSpan.FromMilliseconds(1) };

        // When imported / Then the error names the time budget (not an OperationCanceledException)
        var ex = Should.Throw<ImportException>(() => XesImporter.Import(new MemoryStream(Bomb(200_000)), "slow.xes.gz", options));
        ex.Reason.ShouldContain("time budget");
    }

    private static byte[] Bomb(int events)
    {
        var text = new StringBuilder(Log(string.Empty)[..^6]).Append("<trace><string key=\"concept:name\" value=\"c\"/>");
        var one = Event("A", "2024-01-01T00:00:00Z");
        for (var i = 0; i < events; i++)
        {
            text.Append(one);
        }

        return Gzip(Encoding.UTF8.GetBytes(text.Append("</trace></log>").ToString()));
    }
}
