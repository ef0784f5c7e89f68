using System.CommandLine;
using System.Globalization;
using Journeyscope.Agenda;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Conformance;
using Journeyscope.Kpis;
using Journeyscope.Performance;
using Journeyscope.Simulation;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench agenda</c>: the improvement agenda of a simulated retail log, side by side with the analyses it is
/// built from (journey conformance, bottlenecks, KPIs) on the same log, in one run; the ratio is reported.
/// </summary>
internal static class BenchAgendaCommand
{
    public static Command Create(CliContext context)
    {
        var customers = new Option<int>("--customers") { Description = "Simulated customers (70,000 give about 1M events).", DefaultValueFactory = _ => 70_000 };
        var runs = Measure.RunsOption();
        var command = new Command("agenda",
            "The improvement agenda of a simulated retail log (all problems injected, --by device,product_line,customer_type) versus the\n" +
            "analyses it is built from (journey conformance + bottlenecks + KPIs) on the same log, in one run.\n" +
            "Example: journeyscope bench agenda --customers 70000")
        {
            customers, runs,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var n = Measure.Runs(parse.GetValue(runs));
            var journey = RetailJourney.Create();
            var log = Simulator.Run(journey, Scenario.Default with { Problems = InjectedProblems.All },
                new SimulationOptions { Customers = parse.GetValue(customers), Seed = 7 }, cancellationToken).Log;
            var options = new AgendaOptions { AdjustFor = ["device", "product_line", "customer_type"] };
            var agenda = Measure.Best(n, () => AgendaAnalysis.Compute(log, journey, 0, options, cancellationToken));
            var parts = Measure.Best(n, () =>
            {
                var check = JourneyConformance.Check(log, journey, null, cancellationToken);
                var bottlenecks = BottlenecksResult.Analyze(log, 0, null, options.Bottlenecks, cancellationToken);
                var kpis = KpiEngine.Compute(log, journey, new KpiOptions { Associations = false }, cancellationToken);
                return (check.Report.CaseCount, bottlenecks.Bottlenecks.Count, kpis.Kpis.Count);
            });
            var table = new Table("Agenda benchmark", "Work", "Seconds", "Peak MiB", "Events", "Cases", "Opportunities");
            table.Add("Agenda (opportunities, bootstrap 1,000 replicates, BH, value, rank)", agenda.Seconds, agenda.PeakMiB, (long)log.EventCount, (long)log.CaseCount,
                (long)agenda.Result.Opportunities.Count);
            table.Add("Its analyses alone (journey conformance + bottlenecks + KPIs)", parts.Seconds, parts.PeakMiB, (long)log.EventCount, (long)log.CaseCount, null);
            var report = new Report().Add(table);
            report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Ratio agenda / its analyses = {agenda.Seconds / parts.Seconds:0.00}; target: the agenda of 1M events under 5 s. Best of {n} runs."));
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
