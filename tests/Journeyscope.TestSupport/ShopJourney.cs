using System.Globalization;
using System.Text;

namespace Journeyscope.TestSupport;

/// <summary>
/// The shop the KPI, agenda, monitoring and server tests share: the journey <c>shop</c> (touchpoints <c>order</c> and
/// <c>deliver</c>, NPS driven by the delivery time) and its orders as an import CSV.
/// </summary>
public static class ShopJourney
{
    /// <summary>The journey's id and name.</summary>
    public const string Header = """
        journey: shop
        name: Shop
        """;

    /// <summary>The touchpoints <c>order</c> (activity <c>Order</c>) and <c>deliver</c> (activity <c>Deliver</c>).</summary>
    public const string Touchpoints = """
        touchpoints:
          - id: order
            name: Order
            stage: purchase
            lane: frontstage
            match: { activity: Order }
          - id: deliver
            name: Deliver
            stage: fulfilment
            lane: physical-evidence
            match: { activity: Deliver }
        """;

    /// <summary>One more touchpoint, to follow <see cref="Touchpoints"/>: <c>survey</c> (activity <c>NPS survey</c>).</summary>
    public const string SurveyTouchpoint = """
          - id: survey
            name: NPS survey
            stage: feedback
            lane: frontstage
            match: { activity: NPS survey }
        """;

    /// <summary>NPS (target at least 40) driven by the order-to-delivery time (target at most 3 days).</summary>
    public const string NpsAndDeliveryTime = """
        kpis:
          - id: nps
            name: Net Promoter Score
            kind: nps
            target: ">= 40"
            activity: NPS survey
            drivers: [delivery-time]
          - id: delivery-time
            name: Order to delivery
            kind: order-cycle-time
            target: "<= 3d"
            from: order
            to: deliver
        """;

    /// <summary>The shop with <see cref="NpsAndDeliveryTime"/>.</summary>
    public const string Yaml = Header + "\n" + Touchpoints + "\n" + NpsAndDeliveryTime + "\n";

    /// <summary>The shop's header and touchpoints followed by <paramref name="sections"/> (KPIs, flow, time targets ...).</summary>
    public static string With(string sections) => Header + "\n" + Touchpoints + "\n" + sections + "\n";

    /// <summary>
    /// 40 orders <c>o0</c>..<c>o39</c> placed one every <paramref name="spacing"/> from 2024-03-01 09:00 UTC, <c>o0</c>-<c>o19</c>
    /// on the web and the others in store; those <paramref name="onTime"/> selects are delivered after 1 day and answer 10, the
    /// others after 5 days and answer 3.
    /// </summary>
    public static IReadOnlyList<ShopOrder> Orders(TimeSpan spacing, Func<int, bool> onTime)
    {
        ArgumentNullException.ThrowIfNull(onTime);
        var start = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var orders = new List<ShopOrder>();
        for (var i = 0; i < 40; i++)
        {
            var late = !onTime(i);
            orders.Add(new ShopOrder($"o{i}", start + (i * spacing), i < 20 ? "web" : "store", TimeSpan.FromDays(late ? 5 : 1), late ? 3 : 10));
        }

        return orders;
    }

    /// <summary><see cref="Orders"/> as the CSV to import.</summary>
    public static string OrdersCsv(TimeSpan spacing, Func<int, bool> onTime) => Csv(Orders(spacing, onTime));

    /// <summary>
    /// The orders as an import CSV: <c>case_id,activity,timestamp,channel,score,comment</c>, and <c>case:customer</c> when an
    /// order names its customer; the delivery has no channel, the survey answer the channel <c>email</c>.
    /// </summary>
    public static string Csv(IEnumerable<ShopOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var list = orders.ToList();
        var customers = list.Exists(o => o.Customer is not null);
        var csv = new StringBuilder("case_id,activity,timestamp,channel,score,comment").Append(customers ? ",case:customer\n" : "\n");
        foreach (var o in list)
        {
            var customer = customers ? "," + o.Customer : string.Empty;
            csv.Append(CultureInfo.InvariantCulture, $"{o.Id},Order,{Time(o.Placed)},{o.Channel},,{customer}\n");
            if (o.DeliveredAfter is { } after)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{o.Id},Deliver,{Time(o.Placed + after)},,,{customer}\n");
                if (o.Score is { } score)
                {
                    var comment = score >= 9 ? "great" : "terrible service";
                    csv.Append(CultureInfo.InvariantCulture, $"{o.Id},NPS survey,{Time(o.Placed + after + TimeSpan.FromDays(1))},email,{score},{comment}{customer}\n");
                }
            }
        }

        return csv.ToString();
    }

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
}
