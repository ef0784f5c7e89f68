namespace Journeyscope.Simulation;

/// <summary>The known problems a <see cref="Scenario"/> injects into the simulated value stream.</summary>
/// <remarks>Each problem is switched on by its own flag and written to the <see cref="GroundTruth"/> when on.</remarks>
public sealed record InjectedProblems
{
    /// <summary>Every problem off.</summary>
    public static InjectedProblems None { get; } = new();

    /// <summary>Every problem on with its default parameters.</summary>
    public static InjectedProblems All { get; } = new()
    {
        PaymentRetries = true,
        MondayBacklog = true,
        DoubleEscalation = true,
        SkippedOnboarding = true,
        Drift = true,
    };

    /// <summary>(a) Mobile checkout: payment authorisation fails and is retried for one device segment.</summary>
    public bool PaymentRetries { get; init; }

    /// <summary>The device segment affected by <see cref="PaymentRetries"/>.</summary>
    public string PaymentRetriesDevice { get; init; } = "android-app";

    /// <summary>Probability that a checkout of the affected device needs at least one retry.</summary>
    public double PaymentRetriesProbability { get; init; } = 0.6;

    /// <summary>
    /// When set, an improvement fixes the payment retries from this instant on (checkouts at or after it are no longer
    /// retried because of the problem); value tracking's acceptance tests switch it on at a known date.
    /// </summary>
    public DateTimeOffset? PaymentRetriesFixedFrom { get; init; }

    /// <summary>(b) Warehouse backlog: parcels packed on a Monday wait before they are shipped.</summary>
    public bool MondayBacklog { get; init; }

    /// <summary>Extra working hours a Monday parcel waits between packing and shipping.</summary>
    public double MondayBacklogHours { get; init; } = 24;

    /// <summary>(c) Tickets about one product line are escalated twice before they are resolved.</summary>
    public bool DoubleEscalation { get; init; }

    /// <summary>The product line affected by <see cref="DoubleEscalation"/>.</summary>
    public string DoubleEscalationProductLine { get; init; } = "electronics";

    /// <summary>(d) The onboarding email is not sent to new customers of one customer type.</summary>
    public bool SkippedOnboarding { get; init; }

    /// <summary>The customer type affected by <see cref="SkippedOnboarding"/>.</summary>
    public string SkippedOnboardingCustomerType { get; init; } = "B2B";

    /// <summary>(e) Drift: a new process step appears in every order placed after a change date.</summary>
    public bool Drift { get; init; }

    /// <summary>The activity name of the new step (between placing the order and picking it).</summary>
    public string DriftActivity { get; init; } = "Verify address";

    /// <summary>When the new step starts, as a fraction of the simulated period (0..1).</summary>
    public double DriftAt { get; init; } = 0.5;
}
