using System.Text.Json;
using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

/// <summary><c>journeyscope agenda</c> the way a user runs it: import a file, name the journey, read the ranked opportunities.</summary>
public sealed class AgendaCommandTests
{
    private const string Journey = ShopJourney.Header + "\n" + ShopJourney.Touchpoints + "\n" + ShopJourney.SurveyTouchpoint + "\n" + """
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
        solutions:
          - id: courier
            name: A faster courier
            touchpoints: [deliver]
            effort: 2
            share: 0.5
        """;

    [Fact]
    public void Agenda_LateDeliveries_RankTheBreachedTargetWithItsNpsEffectValueAndScore()
    {
        // Given 40 orders, the 20 odd ones delivered after 5 days and answering NPS 3, the even ones after 1 day answering 10
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", KpiCommandTests.OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey);

        // When the agenda is computed as JSON
        var result = CliRun.Run("agenda", "--journey", journey, "--min-support", "10", "--workspace", workspace, "--format", "json");

        // Then the breached delivery target is first: 20 customers, NPS −200 points (−100 vs +100), value and WSJF score
        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var first = json.RootElement.GetProperty("opportunities")[0];
        first.GetProperty("rank").GetInt32().ShouldBe(1);
        first.GetProperty("kind").GetString().ShouldBe("time-target");
        first.GetProperty("touchpoint").GetString().ShouldBe("deliver");
        first.GetProperty("customersAffected").GetInt32().ShouldBe(20);
        first.GetProperty("segment").ValueKind.ShouldBe(JsonValueKind.Null);
        var nps = first.GetProperty("effects").EnumerateArray().Single(e => e.GetProperty("kpi").GetString() == "nps");
        nps.GetProperty("value").GetDouble().ShouldBe(-200, 1e-9);
        nps.GetProperty("method").GetString().ShouldBe("NPS difference");
        nps.GetProperty("significant").GetBoolean().ShouldBeTrue();
        var value = first.GetProperty("valuePerPeriod");
        value.GetProperty("unit").GetString().ShouldBe("EUR");
        value.GetProperty("value").GetDouble().ShouldBeGreaterThan(0);
        first.GetProperty("solution").GetString().ShouldBe("courier");
        first.GetProperty("effort").GetDouble().ShouldBe(2);
        first.GetProperty("score").GetDouble().ShouldBe(value.GetProperty("low").GetDouble() * 0.5 / 2, 1e-9);
        json.RootElement.GetProperty("formula").GetString()!.ShouldContain("WSJF");
        json.RootElement.GetProperty("customersAffectedTotal").GetInt32().ShouldBe(20);
    }

    [Fact]
    public void Agenda_OrdersOfCustomersWithSeveralOrders_CountsCasesAndDistinctCustomersOnce()
    {
        // Given 60 orders of 7 customers (order i by customer c(i mod 7)): every third order (i mod 3 = 0) delivered after 5 days
        // and answered 3, the next one (i mod 3 = 1) never answered, the others delivered after a day and answered 10
        var start = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var orders = Enumerable.Range(0, 60).Select(i => new ShopOrder(
            $"o{i}", start.AddHours(i), "web", TimeSpan.FromDays(i % 3 == 0 ? 5 : 1), (i % 3) switch { 0 => 3, 1 => null, _ => 10 })
        { Customer = $"c{i % 7}" }).ToList();
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("orders.csv", ShopJourney.Csv(orders)), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey + "\ncustomer: customer\n");
        var expected = new Dictionary<string, ShopOrder[]>(StringComparer.Ordinal)
        {
            ["time-target"] = [.. orders.Where(o => o.DeliveredAfter > TimeSpan.FromDays(3))],
            ["skipped"] = [.. orders.Where(o => o.Score is null)],
        };

        // When the agenda is computed as JSON
        var result = CliRun.Run("agenda", "--journey", journey, "--min-support", "10", "--workspace", workspace, "--format", "json");

        // Then each opportunity counts its orders and, apart, the distinct customers who placed them
        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var listed = json.RootElement.GetProperty("opportunities").EnumerateArray().ToList();
        listed.Select(o => o.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal));
        foreach (var o in listed)
        {
            var own = expected[o.GetProperty("kind").GetString()!];
            o.GetProperty("casesAffected").GetInt32().ShouldBe(own.Length);
            o.GetProperty("customersAffected").GetInt32().ShouldBe(own.Select(x => x.Customer).Distinct(StringComparer.Ordinal).Count());
        }

        // And the totals count each order and each customer once, though every customer is in both opportunities
        var union = expected.Values.SelectMany(x => x).Distinct().ToList();
        json.RootElement.GetProperty("customerAttribute").GetString().ShouldBe("customer");
        json.RootElement.GetProperty("casesAffectedTotal").GetInt32().ShouldBe(union.Count);
        json.RootElement.GetProperty("customersAffectedTotal").GetInt32().ShouldBe(union.Select(x => x.Customer).Distinct(StringComparer.Ordinal).Count());
        listed.Sum(o => o.GetProperty("customersAffected").GetInt32()).ShouldBeGreaterThan(json.RootElement.GetProperty("customersAffectedTotal").GetInt32());

        // And the table and the CSV show both counts
        var table = CliRun.Run("agenda", "--journey", journey, "--min-support", "10", "--workspace", workspace);
        table.Output.ShouldContain("Cases");
        table.Output.ShouldContain($"{union.Select(x => x.Customer).Distinct(StringComparer.Ordinal).Count()} distinct customers (customer) in {union.Count} cases affected in total");
        var csv = CliRun.Run("agenda", "--journey", journey, "--min-support", "10", "--workspace", workspace, "--format", "csv");
        csv.Output.ShouldStartWith("rank,id,kind,title,touchpoint,segment,customersAffected,casesAffected,share,");
    }

    [Fact]
    public void Agenda_CustomerAttributeTheLogLacks_ExitsOneWithDidYouMean()
    {
        // Given orders with the case attribute 'customer' and a journey naming 'custmer' as the customer
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        var orders = ShopJourney.Orders(TimeSpan.FromHours(1), i => i % 2 == 0).Select(o => o with { Customer = "c" + o.Id });
        CliRun.Run("import", temp.File("orders.csv", ShopJourney.Csv(orders)), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey + "\ncustomer: custmer\n");

        // When the agenda is computed, and the journey validated against the workspace
        var result = CliRun.Run("agenda", "--journey", journey, "--workspace", workspace);
        var validate = CliRun.Run("journey", "validate", journey, "--workspace", workspace);

        // Then both name the attribute with a did-you-mean: exit 1, and a JS022 error at the line of 'customer:'
        result.ExitCode.ShouldBe(1, result.Output);
        result.Error.ShouldContain("customer: the log has no case attribute 'custmer'");
        result.Error.ShouldContain("Did you mean 'customer'?");
        var output = validate.Output + validate.Error;
        validate.ExitCode.ShouldBe(1, output);
        output.ShouldContain($"shop.yaml:{Journey.Split('\n').Length + 1}:");
        output.ShouldContain("error JS022: the customer attribute 'custmer' is not a case attribute of the log");
        output.ShouldContain("did you mean 'customer'?");
    }

    [Fact]
    public void Agenda_MarkdownAndTrackerFormats_WriteTheTableAndTheIssueCsv()
    {
        // Given the same workspace
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", KpiCommandTests.OrdersCsv(temp), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey);

        // When the agenda is exported as Markdown and as the tracker CSV
        var md = CliRun.Run("agenda", "--journey", journey, "--min-support", "10", "--workspace", workspace, "--format", "md");
        var tracker = CliRun.Run("agenda", "--journey", journey, "--min-support", "10", "--workspace", workspace, "--format", "tracker");

        // Then the Markdown has the formula and the table, the CSV the columns issue trackers import
        md.ExitCode.ShouldBe(0, md.Error);
        md.Output.ShouldContain("| Rank | Opportunity |");
        md.Output.ShouldContain("Delivery within 3 days: target missed");
        tracker.ExitCode.ShouldBe(0, tracker.Error);
        tracker.Output.ShouldStartWith("title,description,labels\n");
        tracker.Output.ShouldContain("\"agenda,time-target,touchpoint:deliver\"");
    }

    [Fact]
    public void Agenda_ByMisspeltAttribute_ExitsOneWithDidYouMean()
    {
        // Given a workspace whose cases have no attribute 'chanel'
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        var csv = temp.File("c.csv", "case_id,activity,timestamp,channel\nc1,Order,2024-01-01T10:00:00Z,web\nc1,Deliver,2024-01-02T10:00:00Z,web\n");
        CliRun.Run("import", csv, "--workspace", workspace, "--case-attribute", "channel").ExitCode.ShouldBe(0);
        var journey = temp.File("shop.yaml", Journey);

        // When the agenda is adjusted for a misspelt attribute
        var result = CliRun.Run("agenda", "--journey", journey, "--by", "chanel", "--workspace", workspace);

        // Then it exits 1 and names the attribute
        result.ExitCode.ShouldBe(1, result.Output);
        result.Error.ShouldContain("--by: the workspace has no case attribute 'chanel'.");
    }

    [Fact]
    public void JourneyValidate_SolutionWithAMistypedTouchpoint_ErrorWithLineAndDidYouMean()
    {
        // Given the journey with a solution naming touchpoint 'delivr'
        using var temp = new TempFolder();
        var journey = temp.File("shop.yaml", Journey.Replace("touchpoints: [deliver]", "touchpoints: [delivr]", StringComparison.Ordinal));

        // When it is validated
        var result = CliRun.Run("journey", "validate", journey);

        // Then it is an error at the solution's line with a did-you-mean
        var output = result.Output + result.Error;
        result.ExitCode.ShouldBe(1, output);
        output.ShouldContain("solution 'courier' names unknown touchpoint 'delivr'");
        output.ShouldContain("did you mean 'deliver'?");
    }
}
