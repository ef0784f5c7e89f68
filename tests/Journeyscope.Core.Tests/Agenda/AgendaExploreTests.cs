using Journeyscope.Agenda;
using Journeyscope.Simulation;

namespace Journeyscope.Core.Tests.Agenda;

public sealed class AgendaExploreTests(ITestOutputHelper output)
{
    [Fact]
    public void Explore()
    {
        var journey = RetailJourney.Create();
        var scenario = Scenario.Default with { Months = 4, Problems = InjectedProblems.All };
        var run = Simulator.Run(journey, scenario, new SimulationOptions { Customers = 3000, Seed = 11 }, TestContext.Current.CancellationToken);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var agenda = AgendaAnalysis.Compute(run.Log, journey, 0, new AgendaOptions { AdjustFor = ["device", "product_line", "customer_type"], Top = 15 }, TestContext.Current.CancellationToken);
        output.WriteLine($"{watch.Elapsed} events {run.Log.EventCount} cases {run.Log.CaseCount} tests {agenda.Tests}");
        foreach (var p in run.GroundTruth.Problems)
        {
            output.WriteLine($"GT {p.Kind} {string.Join(',', p.Touchpoints)} {p.AffectedCases.Count}");
        }

        foreach (var n in agenda.Notes) { output.WriteLine(n); }
        foreach (var o in agenda.Opportunities)
        {
            output.WriteLine($"{o.Rank} {o.Id} n={o.CustomersAffected} score={o.Score:0.0} {string.Join("; ", o.Effects.Where(e => e.Significant).Select(e => $"{e.Kpi} {e.Basis} {e.Value:0.00} [{e.Low:0.00},{e.High:0.00}]"))}");
        }

        agenda.Opportunities.ShouldNotBeEmpty();
    }
}
