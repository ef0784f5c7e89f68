using System.Text.Json;

namespace Journeyscope.Cli.Tests;

/// <summary><c>journeyscope journey canvas</c> the way a user runs it: a journey with a canvas and capabilities, a workspace with events.</summary>
public sealed class JourneyCanvasCommandTests
{
    /// <summary>Stages named unlike the demo's; the delivery touchpoint maps two capabilities, the order touchpoint one.</summary>
    private const string Journey = """
        journey: parcels
        name: Parcel shop
        stages:
          - id: buying
            name: Buying
            canvas:
              customer_actions: [Orders online]
              frontstage: [Order page]
              value_proposition: Ordering takes a minute.
          - id: receiving
            name: Receiving
            canvas:
              customer_actions: [Waits, Receives the parcel]
              backstage: [Courier planning]
              opportunities: [Evening delivery slots]
              value_proposition: Parcels in three days.
          - id: rating
            name: Rating
        touchpoints:
          - id: order
            name: Order
            stage: buying
            lane: frontstage
            match: { activity: Order }
            capabilities:
              - { kind: technology, name: Web shop, readiness: managed }
          - id: deliver
            name: Deliver
            stage: receiving
            lane: physical-evidence
            match: { activity: Deliver }
            capabilities:
              - { kind: people, name: Couriers, readiness: 2 }
              - { kind: data, name: Tracking events, readiness: missing }
          - id: survey
            name: NPS survey
            stage: rating
            lane: frontstage
            match: { activity: NPS survey }
        flow:
          sequence: [order, deliver, survey]
        kpis:
          - id: nps
            name: Net Promoter Score
            kind: nps
            target: ">= 40"
            activity: NPS survey
        time_targets:
          - id: delivery-3d
            name: Delivery within 3 days
            from: order
            to: deliver
            within: 3d
        value:
          unit: EUR
          kpis:
            - kpi: nps
              amount: 0.5
        """;

    [Fact]
    public void Canvas_LateDeliveries_MeasuredOpportunitySitsBesideTheNotesOfItsStageAndTheHeatMapShowsReadiness()
    {
        // Given 40 orders, 20 delivered after 5 days (the breached target at 'deliver'), and the journey above
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", KpiCommandTests.OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("parcels.yaml", Journey);

        // When the canvas is asked for as JSON
        var result = CliRun.Run("journey", "canvas", "--journey", journey, "--workspace", workspace, "--min-support", "10", "--format", "json");

        // Then the receiving stage holds the workshop's note and, beside it, the measured late deliveries (20 customers)
        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var stages = json.RootElement.GetProperty("stages");
        stages.GetArrayLength().ShouldBe(3);
        var receiving = stages[1];
        receiving.GetProperty("id").GetString().ShouldBe("receiving");
        receiving.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldBe(["Evening delivery slots"]);
        receiving.GetProperty("valueProposition").GetString().ShouldBe("Parcels in three days.");
        var measured = receiving.GetProperty("measured").EnumerateArray().ToList();
        var late = measured.Single(o => o.GetProperty("kind").GetString() == "time-target");
        late.GetProperty("touchpoint").GetString().ShouldBe("deliver");
        late.GetProperty("customersAffected").GetInt32().ShouldBe(20);
        stages[0].GetProperty("measured").EnumerateArray().ShouldAllBe(o => o.GetProperty("touchpoint").GetString() == "order");

        // And the opportunity carries its touchpoint's capabilities, weakest first
        late.GetProperty("capabilities").EnumerateArray().Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("readiness").GetInt32()))
            .ShouldBe([("data", 1), ("people", 2)]);

        // And the heat map has one row per touchpoint in stage order, a cell per kind (null where nothing is mapped)
        var map = json.RootElement.GetProperty("capabilities");
        map.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()).ShouldBe(["people", "process", "technology", "data"]);
        var rows = map.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("touchpoint").GetString()).ShouldBe(["order", "deliver", "survey"]);
        var cells = rows[1].GetProperty("cells").EnumerateArray().ToList();
        cells.Select(c => c.GetProperty("readiness").ValueKind == JsonValueKind.Null ? 0 : c.GetProperty("readiness").GetInt32()).ShouldBe([2, 0, 0, 1]);
        cells[3].GetProperty("level").GetString().ShouldBe("missing");
        rows[1].GetProperty("opportunities").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        rows[0].GetProperty("cells")[2].GetProperty("readiness").GetInt32().ShouldBe(4);
    }

    [Fact]
    public void Canvas_TableAndMarkdown_ShowTheStagesAndTheHeatMap()
    {
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", KpiCommandTests.OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("parcels.yaml", Journey);

        var table = CliRun.Run("journey", "canvas", "--journey", journey, "--workspace", workspace, "--min-support", "10");
        var md = CliRun.Run("journey", "canvas", "--journey", journey, "--workspace", workspace, "--min-support", "10", "--format", "md");

        table.ExitCode.ShouldBe(0, table.Error);
        table.Output.ShouldContain("Lifecycle canvas of parcels");
        table.Output.ShouldContain("Evening delivery slots");
        table.Output.ShouldContain("2 initial");
        md.ExitCode.ShouldBe(0, md.Error);
        md.Output.ShouldContain("## Receiving\n\n*Parcels in three days.*");
        md.Output.ShouldContain("**Opportunities (measured)**");
        md.Output.ShouldContain("| Deliver | receiving | physical-evidence | 2 initial | – | – | 1 missing |");
    }

    [Fact]
    public void Canvas_NoWorkspace_ShowsTheNotesOnlyAndSaysWhy()
    {
        using var temp = new TempFolder();
        var journey = temp.File("parcels.yaml", Journey);

        var result = CliRun.Run("journey", "canvas", "--journey", journey, "--workspace", Path.Combine(temp.Path, "none"), "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("stages").EnumerateArray().ShouldAllBe(s => s.GetProperty("measured").GetArrayLength() == 0);
        json.RootElement.GetProperty("notes")[0].GetString()!.ShouldStartWith("No events");
    }

    [Fact]
    public void Canvas_BadReadiness_ExitsOneNamingTheLine()
    {
        using var temp = new TempFolder();
        var journey = temp.File("parcels.yaml", Journey.Replace("readiness: 2 }", "readiness: 7 }", StringComparison.Ordinal));

        var result = CliRun.Run("journey", "canvas", "--journey", journey);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("parcels.yaml:33:");
        result.Error.ShouldContain("error JS018: 'readiness' is '7', not a readiness level");
    }

    [Fact]
    public void Show_CanvasAndCapabilities_AppearInTableAndJson()
    {
        using var temp = new TempFolder();
        var journey = temp.File("parcels.yaml", Journey);

        var table = CliRun.Run("journey", "show", journey);
        var json = CliRun.Run("journey", "show", journey, "--format", "json");

        table.ExitCode.ShouldBe(0, table.Error);
        table.Output.ShouldContain("Tracking events");
        using var doc = JsonDocument.Parse(json.Output);
        doc.RootElement.GetProperty("stages")[1].GetProperty("canvas").GetProperty("opportunities")[0].GetString().ShouldBe("Evening delivery slots");
        doc.RootElement.GetProperty("stages")[2].GetProperty("canvas").ValueKind.ShouldBe(JsonValueKind.Null);
        var capability = doc.RootElement.GetProperty("touchpoints")[1].GetProperty("capabilities")[1];
        capability.GetProperty("kind").GetString().ShouldBe("data");
        capability.GetProperty("level").GetString().ShouldBe("missing");
    }
}
