using CsCheck;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Monitoring;

namespace Journeyscope.Core.Tests.Monitoring;

public sealed class RuleEngineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly JourneyRule AbandonedCart = new("abandoned_cart", "Abandoned cart", ["cart"], null, ["checkout"], TimeSpan.FromHours(2), null, TimeSpan.Zero);

    internal static DesignedJourney Shop(params JourneyRule[] rules)
    {
        static Touchpoint T(string id, string stage, params string[] activities) =>
            new(id, id, stage, BlueprintLane.CustomerAction, null, null, new TouchpointRule(activities, null, []));
        return new DesignedJourney(
            "shop", "Shop", null, null, [], DesignedJourney.DefaultStages,
            [
                T("browse", "awareness", "Browse"), T("cart", "purchase", "Add to cart"), T("checkout", "purchase", "Checkout"),
                T("ticket", "service", "Ticket opened"), T("resolved", "service", "Ticket resolved"), T("survey", "feedback", "Survey answered"),
                T("complaint", "service", "Complaint"), T("contract", "loyalty", "Contract signed"), T("renew", "loyalty", "Renewed"),
            ],
            null, [], [], [new TimeTarget("resolution", "Resolution", "ticket", "resolved", TimeSpan.FromHours(24))])
        {
            Rules = rules,
        };
    }

    [Fact]
    public void AbandonedCart_NoCheckoutWithinTheWindow_FiresOnceAtTheDeadline()
    {
        // Given the abandoned-cart rule; one customer adds to cart twice and never checks out, another checks out in time
        var engine = new RuleEngine(Shop(AbandonedCart));
        var fired = new List<RuleFiring>();
        engine.Observe("ann", "Add to cart", T0, null, fired);
        engine.Observe("bob", "Add to cart", T0, null, fired);
        engine.Observe("ann", "Add to cart", T0.AddMinutes(30), null, fired);
        engine.Observe("bob", "Checkout", T0.AddMinutes(90), null, fired);

        // When the clock passes the window
        engine.AdvanceTo(T0.AddHours(2).AddTicks(-1), fired);
        var early = fired.Count;
        engine.AdvanceTo(T0.AddHours(5), fired);

        // Then only ann's cart fires, once, at the deadline of her first add, with her journey state
        early.ShouldBe(0);
        fired.Count.ShouldBe(1);
        fired[0].Customer.ShouldBe("ann");
        fired[0].At.ShouldBe(T0.AddHours(2));
        fired[0].Occurrence.ShouldBe(1);
        fired[0].DedupKey.ShouldBe("shop/abandoned_cart/ann/1");
        fired[0].Touchpoints.ShouldBe(["cart", "cart"]);
        fired[0].Reason.ShouldContain("no checkout within 2 h");
    }

    [Fact]
    public void Detractor_ScoreAtOrBelowThreshold_FiresAtOnceForEachAnswer()
    {
        var engine = new RuleEngine(Shop(new JourneyRule("detractor", "Detractor", ["survey"], "score <= 6", [], null, null, TimeSpan.Zero)));
        var fired = new List<RuleFiring>();
        engine.Observe("ann", "Survey answered", T0, name => name == "score" ? "3" : null, fired);
        engine.Observe("bob", "Survey answered", T0, name => name == "score" ? "9" : null, fired);
        engine.Observe("cy", "Survey answered", T0, _ => null, fired);
        engine.Observe("ann", "Survey answered", T0.AddDays(40), name => name == "score" ? "6" : null, fired);

        fired.Select(f => (f.Customer, f.Occurrence)).ShouldBe([("ann", 1), ("ann", 2)]);
    }

    [Fact]
    public void ChurnRisk_TwoComplaintsWithin30Days_FiresOncePerBurst()
    {
        var engine = new RuleEngine(Shop(new JourneyRule("churn", "Churn risk", ["complaint", "ticket"], null, [], TimeSpan.FromDays(30), null, TimeSpan.Zero, Count: 2)));
        var fired = new List<RuleFiring>();
        engine.Observe("ann", "Complaint", T0, null, fired);
        engine.Observe("ann", "Complaint", T0.AddDays(40), null, fired);
        engine.Observe("ann", "Ticket opened", T0.AddDays(45), null, fired);
        engine.Observe("ann", "Complaint", T0.AddDays(50), null, fired);

        fired.Count.ShouldBe(1);
        fired[0].At.ShouldBe(T0.AddDays(45));
        fired[0].TriggeredAt.ShouldBe(T0.AddDays(40));
    }

    [Fact]
    public void Renewal_DateAttributeMinus30Days_FiresUnlessRenewedBefore()
    {
        var engine = new RuleEngine(Shop(new JourneyRule("renewal", "Renewal", ["contract"], null, ["renew"], null, "ends", TimeSpan.FromDays(30))));
        var fired = new List<RuleFiring>();
        engine.Observe("ann", "Contract signed", T0, name => name == "ends" ? "2026-06-30T00:00:00Z" : null, fired);
        engine.Observe("bob", "Contract signed", T0, name => name == "ends" ? "2026-06-30T00:00:00Z" : null, fired);
        engine.Observe("bob", "Renewed", T0.AddDays(20), null, fired);
        engine.AdvanceTo(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), fired);

        fired.Select(f => f.Customer).ShouldBe(["ann"]);
        fired[0].At.ShouldBe(new DateTimeOffset(2026, 5, 31, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void TimeTarget_TicketUnresolvedPast24h_IsALiveDeviation()
    {
        var engine = new RuleEngine(Shop());
        var fired = new List<RuleFiring>();
        engine.Observe("ann", "Ticket opened", T0, null, fired);
        engine.Observe("bob", "Ticket opened", T0, null, fired);
        engine.Observe("bob", "Ticket resolved", T0.AddHours(3), null, fired);
        engine.AdvanceTo(T0.AddDays(2), fired);

        fired.Select(f => (f.Customer, f.Kind, f.Rule)).ShouldBe([("ann", "time-target", "resolution")]);
    }

    [Fact]
    public void AbandonedCart_RandomCustomers_FiresExactlyWhenACartIsNotFollowedByCheckoutWithin2h()
    {
        Gen.Int.Sample(seed =>
        {
            // Given random customers adding to carts and checking out at random gaps, interleaved by time
            var random = new Random(seed);
            var events = new List<(string Customer, string Activity, DateTimeOffset At)>();
            var expected = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < 30; c++)
            {
                var customer = "c" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var at = T0.AddMinutes(random.Next(600));
                DateTimeOffset? open = null;
                var fires = 0;
                for (var e = random.Next(1, 8); e > 0; e--)
                {
                    var activity = random.Next(3) switch { 0 => "Add to cart", 1 => "Checkout", _ => "Browse" };
                    if (open is { } start && at - start >= TimeSpan.FromHours(2))
                    {
                        fires++;
                        open = null;
                    }

                    if (activity == "Checkout")
                    {
                        open = null;
                    }
                    else if (activity == "Add to cart" && open is null)
                    {
                        open = at;
                    }

                    events.Add((customer, activity, at));
                    at = at.AddMinutes(random.Next(1, 200));
                }

                expected[customer] = fires + (open is null ? 0 : 1);
            }

            // When they are replayed as a stored log (the dry run) up to a day later
            var builder = new EventLogBuilder();
            foreach (var (customer, activity, at) in events)
            {
                builder.AddEvent(customer, activity, at);
            }

            var result = RuleDryRun.Run(builder.Build(), Shop(AbandonedCart), T0.AddDays(2));

            // Then the rule fired exactly as often as the definition says
            result.Rules[0].Firings.ShouldBe(expected.Values.Sum());
            result.Rules[0].Customers.ShouldBe(expected.Count(e => e.Value > 0));
        }, iter: 100);
    }

    [Fact]
    public void DryRun_FiringsPaged_PagesJoinToEveryFiringInTimeOrder()
    {
        // Given six customers' carts, four abandoned (one of them twice) and two checked out
        var builder = new EventLogBuilder();
        for (var i = 0; i < 6; i++)
        {
            builder.AddEvent("c" + i, "Add to cart", T0.AddMinutes(i));
            if (i >= 4)
            {
                builder.AddEvent("c" + i, "Checkout", T0.AddMinutes(i + 10));
            }
        }

        builder.AddEvent("c0", "Add to cart", T0.AddHours(5));
        var log = builder.Build();

        // When the dry run lists its firings whole and in pages of two
        var whole = RuleDryRun.Run(log, Shop(AbandonedCart), T0.AddDays(1), new RuleDryRunPage(0, 100), TestContext.Current.CancellationToken);
        var pages = new List<RuleFiring>();
        for (var offset = 0; offset < 10; offset += 2)
        {
            pages.AddRange(RuleDryRun.Run(log, Shop(AbandonedCart), T0.AddDays(1), new RuleDryRunPage(offset, 2), TestContext.Current.CancellationToken).FiringList!.Items);
        }

        // Then every firing is listed once, (rule, customer, occurrence) keys as the live rules record them, ordered by time
        var list = whole.FiringList!;
        list.Total.ShouldBe(5);
        list.Total.ShouldBe(whole.Rules[0].Firings);
        list.Items.Select(f => f.DedupKey).ShouldBe(
            ["shop/abandoned_cart/c0/1", "shop/abandoned_cart/c1/1", "shop/abandoned_cart/c2/1", "shop/abandoned_cart/c3/1", "shop/abandoned_cart/c0/2"]);
        pages.Select(f => f.DedupKey).ShouldBe(list.Items.Select(f => f.DedupKey));
        RuleDryRun.Run(log, Shop(AbandonedCart), T0.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).FiringList.ShouldBeNull();
        Should.Throw<ArgumentOutOfRangeException>(() => new RuleDryRunPage(0, RuleDryRunPage.MaxLimit + 1));
    }
}
