using Journeyscope.Journeys;

namespace Journeyscope.Simulation;

/// <summary>
/// The designed retail journey of the demo, as a model: the same content as <c>samples/retail/journeys/retail.yaml</c>,
/// for callers that need it without reading YAML (tests, the demo workspace).
/// </summary>
public static class RetailJourney
{
    /// <summary>Builds the designed retail journey: eight stages, touchpoints matching the simulator's activities, flow, KPIs.</summary>
    public static DesignedJourney Create()
    {
        Touchpoint[] touchpoints =
        [
            Touch("discover", "Discover the shop", "awareness", BlueprintLane.CustomerAction, null, "Marketing",
                RetailActivities.Search, RetailActivities.SeeSocialAd, RetailActivities.OpenNewsletter, RetailActivities.FollowReferralLink, RetailActivities.VisitStore),
            Touch("browse", "Browse products", "awareness", BlueprintLane.CustomerAction, null, "E-commerce", RetailActivities.ViewProduct),
            Touch("add-to-cart", "Add to cart", "acquisition", BlueprintLane.CustomerAction, null, "E-commerce", RetailActivities.AddToCart),
            Touch("sign-up", "Create an account", "acquisition", BlueprintLane.Frontstage, null, "E-commerce", RetailActivities.CreateAccount),
            Touch("log-in", "Log in", "acquisition", BlueprintLane.Frontstage, null, "E-commerce", RetailActivities.LogIn),
            Touch("onboarding-email", "Onboarding email", "acquisition", BlueprintLane.Backstage, "email", "CRM", RetailActivities.SendOnboardingEmail),
            Touch("checkout", "Checkout", "purchase", BlueprintLane.Frontstage, null, "E-commerce", RetailActivities.StartCheckout),
            Touch("pay", "Payment authorisation", "purchase", BlueprintLane.Support, null, "Payments", RetailActivities.AuthorisePayment),
            Touch("fraud-check", "Fraud check", "purchase", BlueprintLane.Support, null, "Risk", RetailActivities.FraudCheck),
            Touch("place-order", "Order confirmation", "purchase", BlueprintLane.Frontstage, null, "E-commerce", RetailActivities.PlaceOrder),
            Touch("pick", "Pick items", "fulfilment", BlueprintLane.Backstage, null, "Warehouse", RetailActivities.PickItems),
            Touch("pack", "Pack the parcel", "fulfilment", BlueprintLane.Backstage, null, "Warehouse", RetailActivities.PackParcel),
            Touch("ship", "Ship the parcel", "fulfilment", BlueprintLane.Backstage, null, "Warehouse", RetailActivities.ShipOrder),
            Touch("carrier", "Carrier hand-off", "fulfilment", BlueprintLane.Support, null, "Logistics", RetailActivities.HandOverToCarrier),
            Touch("deliver", "Parcel delivered", "fulfilment", BlueprintLane.PhysicalEvidence, null, "Logistics", RetailActivities.DeliverOrder),
            Touch("contact", "Contact support", "service", BlueprintLane.CustomerAction, null, "Customer service", RetailActivities.ContactSupport),
            Touch("route", "Ticket routing", "service", BlueprintLane.Support, null, "Customer service", RetailActivities.RouteTicket),
            Touch("escalate", "Escalation", "service", BlueprintLane.Backstage, null, "Customer service", RetailActivities.EscalateTicket),
            Touch("resolve", "Resolve the ticket", "service", BlueprintLane.Frontstage, null, "Customer service", RetailActivities.ResolveTicket),
            Touch("return", "Request a return", "service", BlueprintLane.CustomerAction, null, "Customer service", RetailActivities.RequestReturn),
            Touch("receive-return", "Receive the return", "service", BlueprintLane.Backstage, null, "Warehouse", RetailActivities.ReceiveReturn),
            Touch("refund", "Refund", "service", BlueprintLane.Support, null, "Finance", RetailActivities.IssueRefund),
            Touch("join-loyalty", "Join the loyalty programme", "loyalty", BlueprintLane.CustomerAction, null, "CRM", RetailActivities.JoinLoyaltyProgramme),
            Touch("win-back", "Win-back email", "loyalty", BlueprintLane.Backstage, "email", "CRM", RetailActivities.SendWinBackEmail),
            Touch("ces", "CES survey", "feedback", BlueprintLane.Frontstage, "email", "CX team", RetailActivities.CesSurvey),
            Touch("csat", "CSAT survey", "feedback", BlueprintLane.Frontstage, "email", "CX team", RetailActivities.CsatSurvey),
            Touch("nps", "NPS survey", "feedback", BlueprintLane.Frontstage, "email", "CX team", RetailActivities.NpsSurvey),
            Touch("review", "Write a review", "advocacy", BlueprintLane.CustomerAction, "social", "Marketing", RetailActivities.WriteReview),
            Touch("refer", "Refer a friend", "advocacy", BlueprintLane.CustomerAction, "web", "Marketing", RetailActivities.ReferAFriend),
        ];

        // Exits: an optional tail after each stage where customers drop out (after browsing, with a full cart, in the
        // checkout); one order then, as a loop, repeat visits that buy again; feedback, advocacy and win-back at the end.
        var order = Seq(
            Leaf("pay"),
            Leaf("fraud-check"),
            Leaf("place-order"),
            Optional(Leaf("ces")),
            Leaf("pick"),
            Leaf("pack"),
            Leaf("ship"),
            Leaf("carrier"),
            Leaf("deliver"),
            Optional(Seq(Leaf("contact"), Leaf("route"), Optional(Seq(Leaf("escalate"), Optional(Leaf("contact")))), Leaf("resolve"), Optional(Leaf("csat")))),
            Optional(Seq(Leaf("return"), Leaf("receive-return"), Leaf("refund"))));
        var repeatVisit = Seq(Repeat(Leaf("browse")), Leaf("log-in"), Optional(Leaf("join-loyalty")), Leaf("add-to-cart"), Leaf("checkout"));
        var flow = Seq(
            Leaf("discover"),
            Repeat(Leaf("browse")),
            Optional(Seq(
                Leaf("add-to-cart"),
                Node(ProcessTreeOperator.ExclusiveChoice, Seq(Leaf("sign-up"), Leaf("onboarding-email")), Leaf("log-in")),
                Optional(Seq(
                    Leaf("checkout"),
                    Optional(Seq(
                        Node(ProcessTreeOperator.Loop, order, repeatVisit),
                        Optional(Leaf("nps")),
                        Optional(Node(ProcessTreeOperator.ExclusiveChoice, Leaf("review"), Leaf("refer"))),
                        Optional(Leaf("win-back")))))))));

        JourneyKpi[] kpis =
        [
            Kpi("nps", "Net Promoter Score", "nps", ">= 40", ["feedback"], ["nps"], ("activity", RetailActivities.NpsSurvey), ("attribute", "score")) with { Drivers = ["order-cycle-time", "csat"] },
            Kpi("csat", "Customer satisfaction", "csat", ">= 80%", ["feedback"], ["csat"], ("activity", RetailActivities.CsatSurvey), ("attribute", "score")) with { Drivers = ["first-contact-resolution", "resolution-time"] },
            Kpi("ces", "Customer effort score", "ces", ">= 5.5", ["feedback"], ["ces"], ("activity", RetailActivities.CesSurvey), ("attribute", "score")),
            Kpi("conversion", "Visit to order conversion", "conversion-rate", ">= 45%", ["acquisition", "purchase"], [], ("from", "discover"), ("to", "place-order")),
            Kpi("order-cycle-time", "Order to delivery", "order-cycle-time", "<= 3d", ["fulfilment"], [], ("from", "place-order"), ("to", "deliver")),
            Kpi("first-contact-resolution", "First-contact resolution", "first-contact-resolution", ">= 80%", ["service"], ["resolve"], ("contact", "contact"), ("resolved", "resolve")),
            Kpi("resolution-time", "Ticket resolution time", "resolution-time", "<= 1d", ["service"], [], ("from", "contact"), ("resolved", "resolve")),
            Kpi("retention", "Repeat purchase rate", "retention-rate", ">= 30%", ["loyalty"], [], ("activity", "place-order"), ("within", "90d")),
        ];

        return new DesignedJourney(
            "retail",
            "Retail purchase journey",
            "CX team",
            "From first visit to repeat purchase and referral, on web, app, email, phone, chat, store and social.",
            [
                new Persona("new-b2c", "New consumer", Segment: "case.persona == new-b2c"),
                new Persona("returning-b2c", "Returning consumer", Segment: "case.persona == returning-b2c"),
                new Persona("b2b", "Business buyer", Segment: "case.persona == b2b"),
            ],
            DesignedJourney.DefaultStages,
            touchpoints,
            flow,
            kpis,
            [
                new CriticalSuccessFactor("fast-delivery", "Parcels arrive when promised", ["order-cycle-time"]),
                new CriticalSuccessFactor("effortless-checkout", "Paying is effortless on every device", ["ces", "conversion"]),
                new CriticalSuccessFactor("resolve-first-time", "Problems are solved at the first contact", ["first-contact-resolution", "csat"]),
            ],
            [
                new TimeTarget("delivery-3d", "Delivery within 3 working days", "place-order", "deliver", TimeSpan.FromHours(24), BusinessHours: true),
                new TimeTarget("resolution-1d", "Ticket resolved within 1 business day", "contact", "resolve", TimeSpan.FromHours(10), BusinessHours: true),
            ]);
    }

    private static Touchpoint Touch(string id, string name, string stage, BlueprintLane lane, string? channel, string owner, params string[] activities) =>
        new(id, name, stage, lane, channel, owner, new TouchpointRule(activities, null, []));

    private static ProcessTree Leaf(string id) => ProcessTree.Leaf(id);

    private static ProcessTree Seq(params ProcessTree[] children) => ProcessTree.Node(ProcessTreeOperator.Sequence, children);

    private static ProcessTree Node(ProcessTreeOperator kind, params ProcessTree[] children) => ProcessTree.Node(kind, children);

    private static ProcessTree Repeat(ProcessTree child) => ProcessTree.Node(ProcessTreeOperator.Loop, [child, ProcessTree.Silent()]);

    private static ProcessTree Optional(ProcessTree child) => ProcessTree.Node(ProcessTreeOperator.ExclusiveChoice, [child, ProcessTree.Silent()]);

    private static JourneyKpi Kpi(string id, string name, string kind, string target, string[] stages, string[] touchpoints, params (string Key, string Value)[] parameters)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            map[key] = value;
        }

        return new JourneyKpi(id, name, kind, target, stages, touchpoints, map, null, []);
    }
}
