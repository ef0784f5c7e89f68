using System.Text.Json;

namespace Journeyscope.Cli.Tests;

public sealed class ConformanceCommandTests
{
    private const string Orders =
        "case_id,activity,timestamp,channel,case:segment\n" +
        "o1,Order,2024-03-01T10:00:00Z,web,B2C\n" +
        "o1,Pay,2024-03-01T10:05:00Z,web,B2C\n" +
        "o1,Ship,2024-03-02T09:00:00Z,web,B2C\n" +
        "o2,Order,2024-03-01T11:00:00Z,app,B2B\n" +
        "o2,Pay,2024-03-01T11:30:00Z,app,B2B\n" +
        "o3,Order,2024-03-03T08:00:00Z,app,B2B\n" +
        "o3,Ship,2024-03-04T08:00:00Z,app,B2B\n" +
        "o4,Order,2024-03-05T08:00:00Z,web,B2C\n" +
        "o4,Pay,2024-03-05T08:10:00Z,web,B2C\n" +
        "o4,Ship,2024-03-05T09:00:00Z,web,B2C\n";

    /// <summary>The sequence Order, Pay, Ship as a PNML net in PM4Py's layout.</summary>
    private const string SequenceNet = """
        <?xml version="1.0" encoding="UTF-8"?>
        <pnml><net id="net1" type="http://www.pnml.org/version-2009/grammar/pnmlcoremodel"><page id="page1">
          <place id="source"><name><text>source</text></name><initialMarking><text>1</text></initialMarking></place>
          <place id="p1"><name><text>p1</text></name></place>
          <place id="p2"><name><text>p2</text></name></place>
          <place id="sink"><name><text>sink</text></name></place>
          <transition id="t1"><name><text>Order</text></name></transition>
          <transition id="t2"><name><text>Pay</text></name></transition>
          <transition id="t3"><name><text>Ship</text></name></transition>
          <arc id="a1" source="source" target="t1"/><arc id="a2" source="t1" target="p1"/>
          <arc id="a3" source="p1" target="t2"/><arc id="a4" source="t2" target="p2"/>
          <arc id="a5" source="p2" target="t3"/><arc id="a6" source="t3" target="sink"/>
        </page>
        <finalmarkings><marking><place idref="sink"><text>1</text></place></marking></finalmarkings>
        </net></pnml>
        """;

    private static (TempFolder Temp, string Workspace, string Model) Setup()
    {
        var temp = new TempFolder();
        var csv = temp.File("orders.csv", Orders);
        var workspace = Path.Combine(temp.Path, "ws");
        var import = CliRun.Run("import", csv, "--workspace", workspace);
        import.ExitCode.ShouldBe(0, import.Error);
        return (temp, workspace, temp.File("model.pnml", SequenceNet));
    }

    [Fact]
    public void Conformance_Model_ReportsPm4PyFiguresAndVariantCosts()
    {
        // Given two fitting cases, one without Ship and one without Pay (each cost 1 over 2 events + 3 model steps)
        var (temp, workspace, model) = Setup();
        using var _ = temp;

        // When
        var result = CliRun.Run("conformance", "--model", model, "--workspace", workspace, "--format", "json");

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        var body = JsonDocument.Parse(result.Output).RootElement;
        body.GetProperty("cases").GetInt32().ShouldBe(4);
        body.GetProperty("variantCount").GetInt32().ShouldBe(3);
        body.GetProperty("averageTraceFitness").GetDouble().ShouldBe((1 + 1 + 0.8 + 0.8) / 4, 1e-12);
        body.GetProperty("logFitness").GetDouble().ShouldBe(1 - (2.0 / (6 + 5 + 5 + 6)), 1e-12);
        body.GetProperty("percentageOfFittingTraces").GetDouble().ShouldBe(50, 1e-12);
        var first = body.GetProperty("variants")[0];
        first.GetProperty("cases").GetInt32().ShouldBe(2);
        first.GetProperty("cost").GetInt32().ShouldBe(0);
        var kinds = body.GetProperty("variants").EnumerateArray().SelectMany(v => v.GetProperty("moves").EnumerateArray())
            .Select(m => m.GetProperty("kind").GetString()).Distinct().ToList();
        kinds.ShouldContain("skipped");
        kinds.ShouldAllBe(k => k == "synchronous" || k == "inserted" || k == "skipped" || k == "silent");
    }

    [Fact]
    public void Conformance_ModelBy_BreaksFitnessDownByCaseAttribute()
    {
        var (temp, workspace, model) = Setup();
        using var _ = temp;

        var result = CliRun.Run("conformance", "--model", model, "--by", "segment", "--workspace", workspace);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Fitness by segment");
        result.Output.ShouldContain("-Ship");
        var lines = result.Output.Split('\n');
        lines.ShouldContain(l => l.StartsWith("B2C ", StringComparison.Ordinal) && l.Contains("  2  ", StringComparison.Ordinal));
    }

    [Fact]
    public void Conformance_ModelCsv_WritesTheSummaryTable()
    {
        var (temp, workspace, model) = Setup();
        using var _ = temp;

        var result = CliRun.Run("conformance", "--model", model, "--workspace", workspace, "--format", "csv");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.Split('\n')[0].Trim().ShouldBe("Measure,Value");
        result.Output.ShouldContain("Fitting traces (%),50");
    }

    [Fact]
    public void Conformance_ModelTokenReplay_ReportsFittingTraces()
    {
        var (temp, workspace, model) = Setup();
        using var _ = temp;

        var result = CliRun.Run("conformance", "--model", model, "--method", "token-replay", "--workspace", workspace, "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        var body = JsonDocument.Parse(result.Output).RootElement;
        body.GetProperty("method").GetString().ShouldBe("token-replay");
        body.GetProperty("percentageOfFittingTraces").GetDouble().ShouldBe(50, 1e-12);
    }

    [Theory]
    [InlineData("conformance")]
    [InlineData("conformance", "--model", "x.pnml", "--top", "0")]
    [InlineData("conformance", "--model", "x.pnml", "--method", "guess")]
    public void Conformance_UsageError_ExitsTwo(params string[] args)
    {
        var (temp, workspace, _) = Setup();
        using var __ = temp;

        var result = CliRun.Run([.. args, "--workspace", workspace]);

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
    }

    [Fact]
    public void Conformance_NotPnml_ExitsOneNamingTheFile()
    {
        var (temp, workspace, _) = Setup();
        using var _ = temp;
        var bad = temp.File("bad.pnml", "<html></html>");

        var result = CliRun.Run("conformance", "--model", bad, "--workspace", workspace);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("bad.pnml");
    }
}

public sealed class ConformanceJourneyCommandTests
{
    private const string Orders =
        "case_id,activity,timestamp,channel,case:segment\n" +
        "o1,Order,2024-03-01T10:00:00Z,web,B2C\n" +
        "o1,Pay,2024-03-01T10:05:00Z,web,B2C\n" +
        "o1,Ship,2024-03-02T09:00:00Z,web,B2C\n" +
        "o2,Order,2024-03-01T11:00:00Z,app,B2B\n" +
        "o2,Pay,2024-03-01T11:30:00Z,phone,B2B\n" +
        "o3,Order,2024-03-03T08:00:00Z,app,B2B\n" +
        "o3,Call,2024-03-03T09:00:00Z,phone,B2B\n" +
        "o3,Ship,2024-03-04T08:00:00Z,app,B2B\n";

    private const string Journey = """
        journey: shop
        name: Shop
        stages:
          - id: purchase
            name: Purchase
          - id: fulfilment
            name: Fulfilment
        touchpoints:
          - id: order
            name: Order
            stage: purchase
            lane: customer-action
            channel: web
            match: { activity: Order }
          - id: pay
            name: Pay
            stage: purchase
            lane: frontstage
            channel: web
            match: { activity: Pay }
          - id: ship
            name: Ship
            stage: fulfilment
            lane: backstage
            match: { activity: Ship }
        flow:
          sequence: [order, pay, ship]
        time_targets:
          - id: ship-1d
            name: Shipped within a day
            from: order
            to: ship
            within: 1d
        """;

    [Fact]
    public void Conformance_Journey_ReportsDeviationsAsJson()
    {
        // Given o1 fits; o2 skips ship; o3 skips pay and calls (unmapped)
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey);

        // When
        var result = CliRun.Run("conformance", "--journey", journey, "--by", "segment", "--workspace", workspace, "--format", "json");

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        var body = JsonDocument.Parse(result.Output).RootElement;
        body.GetProperty("cases").GetInt32().ShouldBe(3);
        body.GetProperty("fittingCases").GetInt32().ShouldBe(1);
        var touchpoints = body.GetProperty("touchpoints").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
        touchpoints["ship"].GetProperty("skipped").GetInt32().ShouldBe(1);
        touchpoints["pay"].GetProperty("skipped").GetInt32().ShouldBe(1);
        touchpoints["pay"].GetProperty("status").GetString().ShouldBe("bad");
        body.GetProperty("unmappedSteps")[0].GetProperty("activity").GetString().ShouldBe("Call");
        body.GetProperty("channelMismatches")[0].GetProperty("actualChannel").GetString().ShouldBe("app");
        var target = body.GetProperty("timeTargets")[0];
        (target.GetProperty("measuredCases").GetInt32(), target.GetProperty("breachedCases").GetInt32()).ShouldBe((2, 0));
        target.GetProperty("withinSeconds").GetDouble().ShouldBe(86_400); // durations in JSON are seconds, not TimeSpan strings
        target.GetProperty("maxElapsedSeconds").ValueKind.ShouldBe(JsonValueKind.Number);
        target.TryGetProperty("within", out _).ShouldBeFalse();
        body.GetProperty("segments").EnumerateArray().ShouldContain(s => s.GetProperty("dimension").GetString() == "case:segment" && s.GetProperty("value").GetString() == "B2B");
    }

    [Fact]
    public void Conformance_JourneyTable_ShowsTouchpointsAndPatterns()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);

        var result = CliRun.Run("conformance", "--journey", temp.File("shop.yaml", Journey), "--workspace", workspace);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Deviation patterns");
        // The patterns in plain words with the touchpoints' names, as the web page shows them (the JSON keeps the codes).
        result.Output.ShouldContain("skipped Pay; did “Call” (not in the journey)");
        result.Output.ShouldNotContain("skipped:pay");
    }

    [Fact]
    public void Conformance_InvalidJourney_ExitsOneWithTheValidatorsMessage()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);
        var bad = temp.File("bad.yaml", Journey.Replace("sequence: [order, pay, ship]", "sequence: [order, pay, nowhere]", StringComparison.Ordinal));

        var result = CliRun.Run("conformance", "--journey", bad, "--workspace", workspace);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("JS006");
    }

    [Theory]
    [InlineData("--journey", "a.yaml", "--model", "b.pnml")]
    [InlineData("--journey", "a.yaml", "--method", "token-replay")]
    public void Conformance_ConflictingOptions_ExitTwo(params string[] args)
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", Orders), "--workspace", workspace).ExitCode.ShouldBe(0);

        var result = CliRun.Run(["conformance", .. args, "--workspace", workspace]);

        result.ExitCode.ShouldBe(2, result.Error);
    }
}
