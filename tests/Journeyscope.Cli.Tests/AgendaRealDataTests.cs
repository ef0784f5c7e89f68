using System.Globalization;
using System.Text;
using System.Text.Json;
using Journeyscope.TestSupport;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// The agenda on real data through the CLI: the Olist sample (orders joined with their reviews on order_id), where late
/// deliveries' effect on the review score is recomputed independently from the CSVs; and bpic2012, where the top bottleneck
/// opportunity is <c>journeyscope bottlenecks</c>' top hand-over.
/// </summary>
public sealed class AgendaRealDataTests
{
    private const string OlistJourney = """
        journey: olist
        name: Olist orders
        touchpoints:
          - id: order
            name: Order placed
            stage: purchase
            lane: frontstage
            match: { activity: Order placed }
          - id: deliver
            name: Order delivered
            stage: fulfilment
            lane: physical-evidence
            match: { activity: Order delivered }
          - id: review
            name: Review
            stage: feedback
            lane: frontstage
            match: { activity: Review }
        flow:
          sequence: [order, deliver, review]
        kpis:
          - id: review-score
            name: Review score
            kind: ces
            target: ">= 4"
            activity: Review
            attribute: score
        """;

    /// <summary>Olist orders as cases, each carrying its customer (customer_unique_id), with a 7-day delivery target.</summary>
    private const string OlistOrdersJourney = """
        journey: olist-orders
        name: Olist orders of each customer
        customer: customer_unique_id
        touchpoints:
          - id: placed
            name: Order placed
            stage: purchase
            lane: customer-action
            match: { activity: order_purchase_timestamp }
          - id: approve
            name: Payment approved
            stage: purchase
            lane: backstage
            match: { activity: order_approved_at }
          - id: carrier
            name: Handed to the carrier
            stage: fulfilment
            lane: backstage
            match: { activity: order_delivered_carrier_date }
          - id: deliver
            name: Delivered
            stage: fulfilment
            lane: physical-evidence
            match: { activity: order_delivered_customer_date }
        flow:
          sequence:
            - placed
            - optional: approve
            - optional: carrier
            - optional: deliver
        time_targets:
          - id: delivery-7d
            name: Delivered within 7 days
            from: placed
            to: deliver
            within: 7d
          - id: last-mile-7d
            name: Carrier delivers within 7 days
            from: carrier
            to: deliver
            within: 7d
        """;

    [Fact]
    public void Agenda_OlistOrdersJoinedWithCustomers_CountsTheLateOrdersAndTheirDistinctCustomersOfTheCsvs()
    {
        // Given the Olist orders, each order a case that carries its customer's customer_unique_id (joined from the customers file),
        // and the late ones computed from the CSVs: delivered more than 7 days after purchase, and more than 7 days after the
        // carrier took the parcel
        var olist = OlistOrders.Read();
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        var import = olist.Import(workspace, "order_id", "--lookup-on", "customer_id");
        import.ExitCode.ShouldBe(0, import.Error);
        var late = Late(olist, "order_purchase_timestamp");
        var lastMile = Late(olist, "order_delivered_carrier_date");
        var lastMileCustomers = lastMile.Select(olist.UniqueCustomer).Distinct(StringComparer.Ordinal).Count();
        lastMileCustomers.ShouldBeLessThan(lastMile.Count); // some customers have several late orders
        var journey = temp.File("olist-orders.yaml", OlistOrdersJourney);

        // When the agenda is computed as JSON
        var result = CliRun.Run("agenda", "--journey", journey, "--workspace", workspace, "--top", "100", "--format", "json");

        // Then the missed last-mile target, on whose clock no other gap lies, counts the late orders and, apart, the distinct
        // customers who placed them
        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("customerAttribute").GetString().ShouldBe("customer_unique_id");
        var opportunities = json.RootElement.GetProperty("opportunities").EnumerateArray().ToList();
        var target = opportunities.Single(o => o.GetProperty("id").GetString() == "time-target:last-mile-7d");
        target.GetProperty("casesAffected").GetInt32().ShouldBe(lastMile.Count);
        target.GetProperty("customersAffected").GetInt32().ShouldBe(lastMileCustomers);

        // And every order late from purchase is either the purchase target's or credited, once, to a listed gap on its clock
        var delivery = opportunities.Single(o => o.GetProperty("id").GetString() == "time-target:delivery-7d");
        var credited = opportunities.SelectMany(o => o.GetProperty("explainsBreaches").EnumerateArray())
            .Where(b => b.GetProperty("timeTarget").GetString() == "time-target:delivery-7d")
            .Sum(b => b.GetProperty("cases").GetInt32());
        (delivery.GetProperty("casesAffected").GetInt32() + credited).ShouldBe(late.Count);
        delivery.GetProperty("customersAffected").GetInt32().ShouldBeLessThanOrEqualTo(late.Select(olist.UniqueCustomer).Distinct(StringComparer.Ordinal).Count());

        // And the totals hold at least the late orders, with fewer customers than cases (each customer once)
        var cases = json.RootElement.GetProperty("casesAffectedTotal").GetInt32();
        var customers = json.RootElement.GetProperty("customersAffectedTotal").GetInt32();
        cases.ShouldBeGreaterThanOrEqualTo(lastMile.Count);
        customers.ShouldBeGreaterThanOrEqualTo(lastMileCustomers);
        customers.ShouldBeLessThan(cases);
    }

    /// <summary>The delivered orders whose delivery came more than 7 days after <paramref name="from"/>.</summary>
    private static List<Dictionary<string, string>> Late(OlistOrders olist, string from) =>
        [.. olist.Orders.Where(o => o["order_delivered_customer_date"].Length > 0 && o[from].Length > 0
            && Time(o["order_delivered_customer_date"]) - Time(o[from]) > TimeSpan.FromDays(7))];

    [Fact]
    public void Agenda_OlistSample_RanksLateDeliveryWithTheReviewScoreDifferenceOfTheCsvs()
    {
        // Given the delivered Olist orders with a review, as events: placed, delivered, "Delivered late" when delivered after
        // the estimated date, and the (first) review with its score
        var folder = SharedData.Path("datasets/olist_sample_cabg");
        var orders = SharedCsv.Read(Path.Combine(folder, "olist_orders_dataset.csv"));
        var reviews = SharedCsv.Read(Path.Combine(folder, "olist_order_reviews_dataset.csv"));
        var firstReview = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var review in reviews)
        {
            firstReview.TryAdd(review["order_id"], review);
        }

        using var temp = new TempFolder();
        var csv = new StringBuilder("case_id,activity,timestamp,score\n");
        var late = new List<double>();
        var onTime = new List<double>();
        foreach (var order in orders)
        {
            if (order["order_status"] != "delivered" || order["order_delivered_customer_date"].Length == 0
                || !firstReview.TryGetValue(order["order_id"], out var review))
            {
                continue;
            }

            var id = order["order_id"];
            var delivered = Time(order["order_delivered_customer_date"]);
            var isLate = delivered.Date > Time(order["order_estimated_delivery_date"]).Date;
            var score = double.Parse(review["review_score"], CultureInfo.InvariantCulture);
            (isLate ? late : onTime).Add(score);
            csv.Append(CultureInfo.InvariantCulture, $"{id},Order placed,{Iso(Time(order["order_purchase_timestamp"]))},\n");
            csv.Append(CultureInfo.InvariantCulture, $"{id},Order delivered,{Iso(delivered)},\n");
            if (isLate)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{id},Delivered late,{Iso(delivered.AddSeconds(1))},\n");
            }

            csv.Append(CultureInfo.InvariantCulture, $"{id},Review,{Iso(delivered.AddHours(1))},{score.ToString(CultureInfo.InvariantCulture)}\n");
        }

        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", temp.File("olist.csv", csv.ToString()), "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("olist.yaml", OlistJourney);

        // When the agenda is computed as JSON
        var result = CliRun.Run("agenda", "--journey", journey, "--workspace", workspace, "--format", "json", "--top", "20");

        // Then late delivery is ranked first, with its customers and the mean review score difference the CSVs give
        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var opportunities = json.RootElement.GetProperty("opportunities").EnumerateArray().ToList();
        var describe = string.Join('\n', opportunities.Select(o => $"{o.GetProperty("rank")} {o.GetProperty("id")} {o.GetProperty("customersAffected")}"));
        var lateOpportunity = opportunities.FirstOrDefault(o => o.GetProperty("id").GetString() == "inserted:Delivered late");
        lateOpportunity.ValueKind.ShouldBe(JsonValueKind.Object, describe);
        lateOpportunity.GetProperty("rank").GetInt32().ShouldBe(1, describe);
        lateOpportunity.GetProperty("customersAffected").GetInt32().ShouldBe(late.Count);
        var effect = lateOpportunity.GetProperty("effects").EnumerateArray()
            .Single(e => e.GetProperty("kpi").GetString() == "review-score" && e.GetProperty("basis").GetString() == "associational");
        var expected = late.Average() - onTime.Average();
        effect.GetProperty("value").GetDouble().ShouldBe(expected, 1e-9);
        effect.GetProperty("method").GetString().ShouldBe("mean difference");
        effect.GetProperty("high").GetDouble().ShouldBeLessThan(0);
        effect.GetProperty("low").GetDouble().ShouldBeLessThan(expected);
        effect.GetProperty("significant").GetBoolean().ShouldBeTrue();
        expected.ShouldBeLessThan(-1, "late Olist deliveries are known to cost more than a review star");
    }

    [Fact]
    public void Agenda_Bpic2012_TopBottleneckOpportunityIsTheTopHandOver()
    {
        // Given the BPI Challenge 2012 log and a journey that only names it (no flow, no KPIs: bottlenecks rank in their order)
        var log = SharedData.Path("logs/bpic2012.xes.gz");
        using var temp = new TempFolder();
        var workspace = Path.Combine(temp.Path, "ws");
        CliRun.Run("import", log, "--workspace", workspace).ExitCode.ShouldBe(0);
        var journey = temp.File("loan.yaml", """
            journey: loan
            name: Loan application
            touchpoints:
              - id: submit
                name: Submit the application
                stage: acquisition
                lane: frontstage
                match: { activity: A_SUBMITTED }
            """);

        // When the bottlenecks and the agenda are computed
        var bottlenecks = CliRun.Run("bottlenecks", "--workspace", workspace, "--format", "json");
        var agenda = CliRun.Run("agenda", "--journey", journey, "--workspace", workspace, "--format", "json", "--top", "50");

        // Then the agenda's first bottleneck opportunity is exactly the hand-over bottlenecks ranks first
        bottlenecks.ExitCode.ShouldBe(0, bottlenecks.Error);
        agenda.ExitCode.ShouldBe(0, agenda.Error);
        using var b = JsonDocument.Parse(bottlenecks.Output);
        using var a = JsonDocument.Parse(agenda.Output);
        var top = b.RootElement.GetProperty("bottlenecks")[0];
        var expected = $"{top.GetProperty("from").GetString()} → {top.GetProperty("to").GetString()}";
        var notes = string.Join('\n', a.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        var first = a.RootElement.GetProperty("opportunities").EnumerateArray().First(o => o.GetProperty("kind").GetString() == "bottleneck");
        first.GetProperty("id").GetString().ShouldBe($"bottleneck:{expected}", notes);
        first.GetProperty("customersAffected").GetInt32().ShouldBeGreaterThanOrEqualTo(30);
    }

    private static DateTime Time(string text) => DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "Z";
}
