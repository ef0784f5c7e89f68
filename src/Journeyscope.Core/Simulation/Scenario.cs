namespace Journeyscope.Simulation;

/// <summary>
/// Every knob of a simulated customer value stream: who the customers are, when they arrive, how the stages behave,
/// and which problems are injected. Read from YAML by <c>Journeyscope.IO.Simulation.ScenarioYaml</c>.
/// </summary>
/// <remarks>Probabilities are in [0, 1]; durations are in the unit their name says. See docs/simulation.md.</remarks>
public sealed partial record Scenario
{
    /// <summary>The retail scenario of the demo workspace, with every problem on.</summary>
    public static Scenario Default { get; } = new();

    /// <summary>A name for the scenario (written to the ground truth).</summary>
    public string Name { get; init; } = "retail";

    /// <summary>The first arrival day (UTC midnight) when <see cref="SimulationOptions.Start"/> is not given.</summary>
    public DateTimeOffset Start { get; init; } = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How many months customers keep arriving.</summary>
    public int Months { get; init; } = 6;

    /// <summary>Default number of customers when <see cref="SimulationOptions.Customers"/> is not given.</summary>
    public int Customers { get; init; } = 5000;

    /// <summary>Relative arrival weight of each weekday, Monday first (7 values).</summary>
    public IReadOnlyList<double> WeekdayWeights { get; init; } = [1.1, 1.0, 1.0, 1.0, 1.1, 1.3, 0.9];

    /// <summary>Relative arrival weight of each hour of the day, 0 to 23 (24 values).</summary>
    public IReadOnlyList<double> HourWeights { get; init; } =
        [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 0.9, 1.2, 1.4, 1.5, 1.5, 1.7, 1.6, 1.4, 1.3, 1.3, 1.5, 1.8, 2.1, 2.2, 1.8, 1.1, 0.5];

    /// <summary>Growth of the arrival rate over the period: 0.5 means the last day has 50% more arrivals than the first.</summary>
    public double Growth { get; init; } = 0.3;

    /// <summary>Share of customers who bought before (segment <c>returning</c>; the rest are <c>new</c>).</summary>
    public double ReturningShare { get; init; } = 0.35;

    /// <summary>Share of business customers (customer type <c>B2B</c>; the rest are <c>B2C</c>).</summary>
    public double B2BShare { get; init; } = 0.15;

    /// <summary>Regions and their weights.</summary>
    public IReadOnlyList<WeightedOption> Regions { get; init; } =
        [new("north", 3), new("south", 3), new("east", 2), new("west", 2)];

    /// <summary>Devices and their weights; names ending in <c>-app</c> use the app channel, the others the web.</summary>
    public IReadOnlyList<WeightedOption> Devices { get; init; } =
        [new("desktop", 4), new("mobile-web", 3), new("ios-app", 2), new("android-app", 2)];

    /// <summary>Acquisition channels, their weights and marketing cost per acquired customer.</summary>
    public IReadOnlyList<WeightedOption> AcquisitionChannels { get; init; } =
        [new("search", 4, 12), new("social", 3, 18), new("email", 2, 3), new("referral", 1, 8), new("store", 2, 5)];

    /// <summary>Product lines and their weights (case attribute <c>product_line</c>: what the customer mostly buys).</summary>
    public IReadOnlyList<WeightedOption> ProductLines { get; init; } =
        [new("electronics", 3), new("home", 3), new("fashion", 4), new("garden", 1)];




    /// <summary>Probability that a payment authorisation fails once and is retried, for every customer.</summary>
    public double PaymentFailure { get; init; } = 0.03;

    /// <summary>Mean order value (log-normal) in the scenario's currency.</summary>
    public double OrderValueMean { get; init; } = 80;

    /// <summary>Spread of the order value: the sigma of the underlying normal distribution.</summary>
    public double OrderValueSigma { get; init; } = 0.6;

    /// <summary>Multiplier of the order value for B2B customers.</summary>
    public double B2BOrderValueFactor { get; init; } = 4;

    /// <summary>Share of orders with a discount.</summary>
    public double DiscountShare { get; init; } = 0.3;

    /// <summary>Discount as a fraction of the order value, when there is one.</summary>
    public double DiscountRate { get; init; } = 0.1;

    /// <summary>First working hour of backstage work (warehouse, support, finance), local to UTC.</summary>
    public int WorkdayStartHour { get; init; } = 8;

    /// <summary>Hour backstage work stops.</summary>
    public int WorkdayEndHour { get; init; } = 18;

    /// <summary>Mean working hours an order waits before picking, at average load.</summary>
    public double PickWaitHours { get; init; } = 1.5;

    /// <summary>Mean working hours between packing and shipping, at average load.</summary>
    public double ShipWaitHours { get; init; } = 1;

    /// <summary>Mean days the carrier needs from hand-off to delivery.</summary>
    public double DeliveryDays { get; init; } = 1.5;




    /// <summary>Probability of buying again after an order, before experience and churn are applied.</summary>
    public double RepeatPurchaseRate { get; init; } = 0.35;

    /// <summary>Maximum number of orders per customer.</summary>
    public int MaxOrders { get; init; } = 4;

    /// <summary>Mean days between two orders of the same customer.</summary>
    public double RepeatAfterDays { get; init; } = 20;

    /// <summary>Probability of answering a survey (NPS, CSAT, CES).</summary>
    public double SurveyResponseRate { get; init; } = 0.4;

    /// <summary>Probability that a promoter (NPS 9 or 10) writes a review or refers a friend.</summary>
    public double AdvocacyRate { get; init; } = 0.3;

    /// <summary>
    /// Knobs per touchpoint id of the designed flow: skip (drop-out) probability of the optional part it begins, choice
    /// weight, loop repeat probability and delay. Ids the journey does not have are ignored. The default holds the retail
    /// demo's funnel (leave after browsing 25%, with a full cart 20%, in the checkout 10%), support (15% of orders get a
    /// ticket, 15% of tickets are escalated), returns (8%), browsing and loyalty.
    /// </summary>
    public IReadOnlyDictionary<string, TouchpointKnobs> Touchpoints { get; init; } = RetailTouchpointKnobs();

    /// <summary>
    /// Drop-out probability per stage id: the skip probability of every optional part that begins with a touchpoint of
    /// the stage and has no <see cref="TouchpointKnobs.Skip"/> of its own.
    /// </summary>
    public IReadOnlyDictionary<string, double> StageDropOuts { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// The delay before a touchpoint's event, per blueprint lane, when neither the touchpoint nor a named retail step sets
    /// it. Defaults: customer actions 4 minutes, frontstage 3 minutes, backstage 2 working hours, support 2 minutes,
    /// physical evidence 1 day.
    /// </summary>
    public IReadOnlyDictionary<Journeys.BlueprintLane, SimulatedDelay> LaneDelays { get; init; } = DefaultLaneDelays();

    /// <summary>Skip probability of an optional part when neither its touchpoint nor its stage sets one.</summary>
    public double DefaultSkip { get; init; } = 0.5;

    /// <summary>Probability of going round a loop once more when its touchpoint sets none.</summary>
    public double DefaultRepeat { get; init; } = 0.3;

    /// <summary>The most times a customer goes round one loop (repeat purchases are capped by <see cref="MaxOrders"/>).</summary>
    public int MaxRepeats { get; init; } = 10;

    /// <summary>The problems injected into the value stream.</summary>
    public InjectedProblems Problems { get; init; } = InjectedProblems.All;

    private static Dictionary<string, TouchpointKnobs> RetailTouchpointKnobs() => new(StringComparer.Ordinal)
    {
        ["browse"] = new() { Repeat = 0.6 },
        ["add-to-cart"] = new() { Skip = 0.25 },
        ["checkout"] = new() { Skip = 0.2 },
        ["pay"] = new() { Skip = 0.1 },
        ["contact"] = new() { Skip = 0.85 },
        ["escalate"] = new() { Skip = 0.85 },
        ["return"] = new() { Skip = 0.92 },
        ["join-loyalty"] = new() { Skip = 0.6 },
    };

    private static Dictionary<Journeys.BlueprintLane, SimulatedDelay> DefaultLaneDelays() => new()
    {
        [Journeys.BlueprintLane.CustomerAction] = SimulatedDelay.Minutes(4),
        [Journeys.BlueprintLane.Frontstage] = SimulatedDelay.Minutes(3),
        [Journeys.BlueprintLane.Backstage] = SimulatedDelay.WorkingHours(2),
        [Journeys.BlueprintLane.Support] = SimulatedDelay.Minutes(2),
        [Journeys.BlueprintLane.PhysicalEvidence] = SimulatedDelay.Days(1),
    };
}
