using System.CommandLine;
using System.Globalization;
using Journeyscope.Agenda;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Conformance;
using Journeyscope.EventLogs;
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
        var runs = BenchOptions.Runs();
        var verbose = BenchOptions.Verbose("Also time each phase of one more agenda run (wall and CPU seconds).");
        var command = new Command("agenda",
            "The improvement agenda of a simulated retail log (all problems injected, --by device,product_line,customer_type) versus the\n" +
            "analyses it is built from (journey conformance + bottlenecks + KPIs) on the same log, in one run.\n" +
            "Example: journeyscope bench agenda --customers 70000")
        {
            customers, runs, verbose,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var n = BenchOptions.Runs(parse, runs);
            var journey = RetailJourney.Create();
            var log = Simulator.Run(journey, Scenario.Default with { Problems = InjectedProblems.All },
                new SimulationOptions { Customers = parse.GetValue(customers), Seed = 7 }, cancellationToken).Log;
            var options = new AgendaOptions { AdjustFor = ["device", "product_line", "customer_type"] };
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var agenda = Measure.Best(n, () => AgendaAnalysis.Compute(log, journey, 0, options, cancellationToken));
            var agendaCpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / n;
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var slow = Measure.Run(() => AgendaAnalysis.Compute(log, journey, 0, new AgendaOptions
            {
                AdjustFor = options.AdjustFor,
                ReferenceEffects = true,
            }, cancellationToken));
            var slowCpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var parts = Measure.Best(n, () =>
            {
                var check = JourneyConformance.Check(log, journey, null, cancellationToken);
                var bottlenecks = BottlenecksResult.Analyze(log, 0, null, options.Bottlenecks, cancellationToken);
                var kpis = KpiEngine.Compute(log, journey, new KpiOptions { Associations = false }, cancellationToken);
                return (check.Report.CaseCount, bottlenecks.Bottlenecks.Count, kpis.Kpis.Count);
            });
            var partsCpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / n;
            var mismatches = Compare(agenda.Result, slow.Result);
            var table = new Table("Agenda benchmark", "Work", "Seconds", "CPU seconds", "Peak MiB", "Events", "Cases", "Opportunities");
            table.Add("Agenda (opportunities, bootstrap 1,000 replicates, BH, value, rank)", Human.Duration(agenda.Seconds), Human.Duration(agendaCpu), agenda.PeakMiB, (long)log.EventCount,
                (long)log.CaseCount, (long)agenda.Result.Opportunities.Count);
            table.Add("Agenda, per-test bootstrap pass (the reference, one run)", Human.Duration(slow.Seconds), Human.Duration(slowCpu), slow.PeakMiB, (long)log.EventCount, (long)log.CaseCount,
                (long)slow.Result.Opportunities.Count);
            table.Add("Its analyses alone (journey conformance + bottlenecks + KPIs)", Human.Duration(parts.Seconds), Human.Duration(partsCpu), parts.PeakMiB, (long)log.EventCount,
                (long)log.CaseCount, null);
            var report = new Report().Add(table);
            if (parse.GetValue(verbose))
            {
                report.Add(Phases(log, journey, options, cancellationToken));
            }

            report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Ratio agenda / its analyses = {agenda.Seconds / parts.Seconds:0.00}; per-test pass / one-pass agenda = {slow.Seconds / agenda.Seconds:0.00}; CPU seconds are the process's processor time (all threads, mean per run). Target: the agenda of 1M events under 5 s. Best of {n} runs."));
            report.Notes.Add(mismatches.Count == 0
                ? "Results equal: the same opportunities, ranks and customers; every effect, interval and value within a relative 1e-9."
                : "RESULTS DIFFER: " + string.Join("; ", mismatches.Take(5)));
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(mismatches.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput);
        });
        return command;
    }

    /// <summary>One more agenda run with each phase's wall time and the process's CPU time over it.</summary>
    private static Table Phases(EventLog log, Journeyscope.Journeys.DesignedJourney journey, AgendaOptions options, CancellationToken cancellationToken)
    {
        var table = new Table("Agenda phases (one run)", "Phase", "Seconds", "CPU seconds");
        var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var timed = new AgendaOptions
        {
            AdjustFor = options.AdjustFor,
            Phases = (name, wall) =>
            {
                process.Refresh();
                var now = process.TotalProcessorTime;
                table.Add(name, wall.TotalSeconds, (now - cpu).TotalSeconds);
                cpu = now;
            },
        };
        AgendaAnalysis.Compute(log, journey, 0, timed, cancellationToken);
        return table;
    }

    /// <summary>
    /// The differences between two agendas of the same log: opportunities, ranks and customers exactly; effects, intervals and
    /// values within a relative 1e-9 (the one-pass and the per-test sums add the same terms in another order).
    /// </summary>
    internal static List<string> Compare(AgendaResult ours, AgendaResult reference)
    {
        var differences = new List<string>();
        if (ours.Opportunities.Count != reference.Opportunities.Count)
        {
            differences.Add($"{ours.Opportunities.Count} opportunities vs {reference.Opportunities.Count}");
            return differences;
        }

        for (var i = 0; i < ours.Opportunities.Count; i++)
        {
            AgendaOpportunity a = ours.Opportunities[i], b = reference.Opportunities[i];
            if (a.Id != b.Id || a.CustomersAffected != b.CustomersAffected || a.Effects.Count != b.Effects.Count)
            {
                differences.Add($"rank {a.Rank}: {a.Id} ({a.CustomersAffected}) vs {b.Id} ({b.CustomersAffected})");
                continue;
            }

            Check(differences, $"{a.Id} value", a.ValuePerPeriod.Value, b.ValuePerPeriod.Value);
            Check(differences, $"{a.Id} value low", a.ValuePerPeriod.Low, b.ValuePerPeriod.Low);
            for (var e = 0; e < a.Effects.Count; e++)
            {
                AgendaEffect x = a.Effects[e], y = b.Effects[e];
                var name = $"{a.Id} {x.Kpi} {x.Basis}";
                Check(differences, name, x.Value, y.Value);
                Check(differences, name + " low", x.Low, y.Low);
                Check(differences, name + " high", x.High, y.High);
                if (x.Significant != y.Significant)
                {
                    differences.Add($"{name}: significant {x.Significant} vs {y.Significant}");
                }
            }
        }

        return differences;
    }

    private static void Check(List<string> differences, string name, double? a, double? b)
    {
        if (a is null || b is null ? a != b : Math.Abs(a.Value - b.Value) > 1e-9 * Math.Max(1, Math.Max(Math.Abs(a.Value), Math.Abs(b.Value))))
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {a} vs {b}"));
        }
    }
}
