namespace Journeyscope.Simulation;

/// <summary>Who a simulated customer is (codes into the scenario's lists) and which injected problems hit them.</summary>
internal struct CustomerProfile
{
    public const byte PaymentRetriesHit = 1, MondayBacklogHit = 2, DoubleEscalationHit = 4, SkippedOnboardingHit = 8, DriftHit = 16;

    public bool Returning;
    public bool Business;
    public byte Region;
    public byte Device;
    public byte Acquisition;
    public byte ProductLine;
    public byte Orders;
    public bool Churned;
    public byte Problems;
    public double Revenue;
}
