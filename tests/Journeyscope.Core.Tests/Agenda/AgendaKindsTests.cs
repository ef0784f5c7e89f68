using Journeyscope.Agenda;
using Journeyscope.Simulation;

namespace Journeyscope.Core.Tests.Agenda;

/// <summary>
/// The agenda's drop-off, channel-switch, detractor-moment and KPI-off-target opportunities on generated logs whose gaps are
/// known (<see cref="AgendaKindLogs"/>), over seeds and with the problem segment moved; and the one-pass effects against the
/// per-test reference pass.
/// </summary>
public sealed class AgendaKindsTests
{
    private static readonly string[] By = ["region", "device"];

    public static TheoryData<int, string, string> Runs() => new() { { 1, "south", "ios" }, { 2, "west", "android" }, { 3, "north", "desktop" } };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Compute_GeneratedShop_EachKnownGapIsAnOpportunityInItsSegmentWithItsCustomers(int seed, string badRegion, string badDevice)
    {
        // Given a generated shop log with drop-offs, channel switches and redeliveries concentrated on one device, and a region
        // below the NPS target
        var (log, truth) = AgendaKindLogs.Generate(seed, 4000, badRegion, badDevice);
        var agenda = Compute(log);
        var describe = Describe(agenda);
        var device = new AgendaSegment("device", badDevice);

        // Then the drop-off after the visit is found on that device, counting exactly its customers who left
        var dropOff = Find(agenda, "drop-off", "browse → buy");
        dropOff.Segment.ShouldBe(device);
        dropOff.CustomersAffected.ShouldBe(truth.DroppedAfterVisit, describe);

        // And the channel switch from web to phone in the buy stage counts exactly its switchers, at the touchpoint switched to
        var switchOpportunity = Find(agenda, "channel-switch", "buy: web → phone");
        switchOpportunity.Segment.ShouldBe(device);
        switchOpportunity.CustomersAffected.ShouldBe(truth.Switched, describe);
        switchOpportunity.Touchpoint.ShouldBe("call-order");

        // And the redelivery is a detractor moment there with a harmful, significant NPS effect (associational and adjusted)
        var moment = Find(agenda, "detractor-moment", "nps@redeliver");
        moment.Segment.ShouldBe(device);
        moment.CustomersAffected.ShouldBe(truth.Redelivered, describe);
        moment.Effects.Where(e => e.Kpi == "nps").ShouldAllBe(e => e.Harmful && e.Significant);
        moment.Effects.ShouldContain(e => e.Basis == "adjusted");

        // And the bad region is off the NPS target with all its customers; the only other segment off it is the bad device
        var off = agenda.Opportunities.Where(o => o.Kind == "kpi-off-target").ToList();
        var region = off.Single(o => o.Segment == new AgendaSegment("region", badRegion));
        region.CustomersAffected.ShouldBe(truth.InBadRegion);
        off.ShouldAllBe(o => o.Segment == region.Segment || o.Segment == device, describe);

        // And no case set is listed twice (a drop-off and the deviation it causes are one opportunity)
        agenda.Opportunities.Select(o => o.Id).ShouldBeUnique();
    }

    [Fact]
    public void Compute_NoGap_NoDetractorMomentAndNothingOffTarget()
    {
        // Given the same shop with no redelivery, no channel switch and a target every region meets
        var (log, _) = AgendaKindLogs.Generate(5, 3000, badRegion: "nowhere", badDevice: "ios", switchShare: 0, redeliverShare: 0);

        // When the agenda is computed
        var agenda = Compute(log);

        // Then there is no detractor moment, channel switch or KPI off target (the device's drop-off is still found)
        agenda.Opportunities.ShouldContain(o => o.Kind == "drop-off", Describe(agenda));
        agenda.Opportunities.ShouldNotContain(o => o.Kind == "detractor-moment" || o.Kind == "channel-switch" || o.Kind == "kpi-off-target", Describe(agenda));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compute_OnePassTable_SameEffectsAsThePerTestPass(bool adjusted)
    {
        // Given a retail simulation with every problem, and a generated shop log
        var journey = RetailJourney.Create();
        var run = Simulator.Run(journey, Scenario.Default with { Months = 3, Problems = InjectedProblems.All },
            new SimulationOptions { Customers = 2000, Seed = 5 }, TestContext.Current.CancellationToken);
        string[] by = adjusted ? ["device", "product_line", "customer_type"] : [];
        var bootstrap = new Journeyscope.Statistics.BootstrapOptions { Replicates = 200 };

        // When the agenda is computed with the one-pass table and with the per-test reference pass
        var fast = AgendaAnalysis.Compute(run.Log, journey, 0, new AgendaOptions { AdjustFor = by, Top = 100, RootCauses = 0, Bootstrap = bootstrap },
            TestContext.Current.CancellationToken);
        var slow = AgendaAnalysis.Compute(run.Log, journey, 0,
            new AgendaOptions { AdjustFor = by, Top = 100, RootCauses = 0, Bootstrap = bootstrap, ReferenceEffects = true }, TestContext.Current.CancellationToken);

        // Then the opportunities, ranks, customers and every effect with its interval agree (up to the order of additions)
        fast.Opportunities.Count.ShouldBeGreaterThan(3);
        fast.Opportunities.Select(o => (o.Id, o.Rank, o.CustomersAffected)).ShouldBe(slow.Opportunities.Select(o => (o.Id, o.Rank, o.CustomersAffected)));
        var a = fast.Opportunities.SelectMany(o => o.Effects).ToList();
        var b = slow.Opportunities.SelectMany(o => o.Effects).ToList();
        a.Count.ShouldBe(b.Count);
        a.Count(e => e.Basis == "adjusted").ShouldBe(adjusted ? a.Count / 2 : 0);
        for (var i = 0; i < a.Count; i++)
        {
            Close(a[i].Value, b[i].Value);
            Close(a[i].Low, b[i].Low);
            Close(a[i].High, b[i].High);
            a[i].Significant.ShouldBe(b[i].Significant);
        }
    }

    private static void Close(double? x, double? y)
    {
        (x is null).ShouldBe(y is null);
        if (x is { } u && y is { } v)
        {
            Math.Abs(u - v).ShouldBeLessThanOrEqualTo(1e-9 * Math.Max(1, Math.Max(Math.Abs(u), Math.Abs(v))));
        }
    }

    private static AgendaResult Compute(Journeyscope.EventLogs.EventLog log) => AgendaAnalysis.Compute(log, AgendaKindLogs.Journey(), 0,
        new AgendaOptions { AdjustFor = By, Top = 100, RootCauses = 0, Bootstrap = new Journeyscope.Statistics.BootstrapOptions { Replicates = 300 } },
        TestContext.Current.CancellationToken);

    private static AgendaOpportunity Find(AgendaResult agenda, string kind, string subject)
    {
        var match = agenda.Opportunities.FirstOrDefault(o => o.Kind == kind && o.Id.StartsWith($"{kind}:{subject}", StringComparison.Ordinal));
        match.ShouldNotBeNull(Describe(agenda));
        return match;
    }

    private static string Describe(AgendaResult agenda) =>
        string.Join('\n', agenda.Opportunities.Select(o => $"{o.Rank} {o.Id} n={o.CustomersAffected} score={o.Score:0.0} {o.Title}"));
}
