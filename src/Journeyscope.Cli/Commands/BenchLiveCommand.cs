using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Monitoring;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench live</c>: live conformance (each customer's prefix alignment advanced per event) plus the rule
/// engine, in events per second, against the collector's durable write path (DuckDB appends, one commit per batch, as
/// <c>bench collector</c>'s baseline) of the same number of events in the same run. The live completion costs are checked
/// equal to the offline optimal alignments'.
/// </summary>
internal static class BenchLiveCommand
{
    private const string Flow = "->( 'browse', X( 'search', tau ), 'cart', +( 'pay', 'address' ), 'confirm', *( 'track', tau ) )";

    public static Command Create(CliContext context)
    {
        var events = new Option<int>("--events") { Description = "Events to process. Example: --events 200000", DefaultValueFactory = _ => 100_000 };
        var batch = BenchOptions.Batch("Events per collector commit on the baseline side.", 50);
        var seed = new Option<int>("--seed") { Description = "Seed of the generated customers.", DefaultValueFactory = _ => 7 };
        var command = new Command("live",
            "Live conformance + rules events/s versus the collector's durable write path (DuckDB appends, a commit per batch) in the same run; " +
            "live completion costs are checked equal to the offline optimal alignments.\nExample: journeyscope bench live --events 100000")
        {
            events, batch, seed,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var count = BenchOptions.InRange(parse, events, 100, 10_000_000);
            var size = BenchOptions.InRange(parse, batch, 1, 1_000);

            var (log, journey) = Generate(count, parse.GetValue(seed));
            var net = ProcessTreeConversion.ToPetriNet(journey.Flow!, journey.Id);

            // Our side: what the live monitor does per event (prefix alignment + rules), customers interleaved by time.
            var watch = Stopwatch.StartNew();
            var model = PrefixAlignment.Create(net, cancellationToken: cancellationToken);
            var engine = new RuleEngine(journey);
            var states = new Dictionary<string, PrefixAlignmentState>(StringComparer.Ordinal);
            var fired = new List<RuleFiring>();
            var order = Enumerable.Range(0, log.Activities.Length).OrderBy(e => log.GetTimestamp(e).UtcTicks).ThenBy(e => e).ToArray();
            var caseOf = new int[order.Length];
            for (var c = 0; c < log.CaseCount; c++)
            {
                caseOf.AsSpan(log.CaseStart(c), log.CaseLength(c)).Fill(c);
            }

            foreach (var e in order)
            {
                var customer = log.CaseIds[caseOf[e]];
                var activity = log.ActivityNames[log.Activities[e]];
                var at = log.GetTimestamp(e);
                engine.AdvanceTo(at, fired);
                engine.Observe(customer, activity, at, null, fired);
                if (!states.TryGetValue(customer, out var state))
                {
                    states[customer] = state = model.Start();
                }

                model.Advance(state, activity);
            }

            watch.Stop();
            var liveSeconds = watch.Elapsed.TotalSeconds;

            // Baseline: the collector's durable write path for the same number of events.
            var folder = Directory.CreateTempSubdirectory("journeyscope-bench-live-");
            double appendSeconds;
            try
            {
                appendSeconds = CollectorLoad.TimeDuckDbAppends(Path.Combine(folder.FullName, "baseline.duckdb"), count, size).Seconds;
            }
            finally
            {
                folder.Delete(recursive: true);
            }

            // Results checked equal: every customer's live completion cost against the offline optimal alignment.
            var offline = Alignments.Compute(log, net, cancellationToken: cancellationToken);
            var mismatches = 0;
            for (var c = 0; c < log.CaseCount; c++)
            {
                mismatches += model.CompletionRawCost(states[log.CaseIds[c]]) == offline.ForCase(c).RawCost ? 0 : 1;
            }

            var liveRate = count / liveSeconds;
            var appendRate = count / appendSeconds;
            var table = new Table("Live conformance benchmark", "Side", "Seconds", "Events/s", "Ratio to collector path");
            table.Add("live conformance + rules", Human.Duration(liveSeconds), liveRate.ToString("N0", CultureInfo.InvariantCulture),
                (liveRate / appendRate).ToString("0.00", CultureInfo.InvariantCulture));
            table.Add($"collector write path (DuckDB appends, commit per {size})", Human.Duration(appendSeconds),
                appendRate.ToString("N0", CultureInfo.InvariantCulture), "1.00");
            var report = new Report
            {
                Json = new
                {
                    events = count,
                    customers = log.CaseCount,
                    liveSeconds,
                    appendSeconds,
                    liveEventsPerSecond = liveRate,
                    collectorEventsPerSecond = appendRate,
                    ratio = liveRate / appendRate,
                    keepsUp = liveRate >= appendRate,
                    costMismatches = mismatches,
                    firings = fired.Count,
                },
            }.Add(table);
            report.Notes.Add($"{log.CaseCount:N0} customers, {fired.Count:N0} rule firings; completion costs equal to the offline alignments: {(mismatches == 0 ? "yes" : $"NO ({mismatches} differ)")}; " +
                $"keeps up with the collector: {(liveRate >= appendRate ? "yes" : "no")}.");
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(mismatches == 0 ? ExitCodes.Success : ExitCodes.BadInput);
        });
        return command;
    }

    private static (Journeyscope.EventLogs.EventLog Log, DesignedJourney Journey) Generate(int events, int seed)
    {
        var random = new Random(seed);
        var net = ProcessTreeConversion.ToPetriNet(ProcessTree.Parse(Flow));
        string[] labels = ["browse", "search", "cart", "pay", "address", "confirm", "track", "complain"];
        var builder = new EventLogBuilder();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var written = 0;
        for (var c = 0; written < events; c++)
        {
            var id = "c" + c.ToString(CultureInfo.InvariantCulture);
            var trace = PlayOut(net, random);
            var at = start.AddMinutes(random.Next(0, 60 * 24 * 30));
            foreach (var step in trace)
            {
                if (written == events)
                {
                    break;
                }

                // A tenth of the steps deviate: skipped, or replaced by something unexpected.
                var roll = random.NextDouble();
                if (roll < 0.05)
                {
                    continue;
                }

                builder.AddEvent(id, roll < 0.10 ? labels[random.Next(labels.Length)] : step, at);
                at = at.AddMinutes(random.Next(1, 240));
                written++;
            }
        }

        static Touchpoint T(string id) => new(id, id, "purchase", BlueprintLane.CustomerAction, null, null, new TouchpointRule([id], null, []));
        var journey = new DesignedJourney("bench", "Bench", null, null, [], DesignedJourney.DefaultStages, [.. labels.Select(T)], ProcessTree.Parse(Flow), [], [],
            [new TimeTarget("to_confirm", "Cart to confirm", "cart", "confirm", TimeSpan.FromDays(1))])
        {
            Rules = [new JourneyRule("abandoned_cart", "Abandoned cart", ["cart"], null, ["confirm"], TimeSpan.FromHours(2), null, TimeSpan.Zero)],
        };
        return (builder.Build(), journey);
    }

    private static List<string> PlayOut(PetriNet net, Random random)
    {
        var marking = net.InitialMarking.ToArray();
        var trace = new List<string>();
        for (var step = 0; step < 40 && !marking.AsSpan().SequenceEqual(net.FinalMarking); step++)
        {
            var enabled = Enumerable.Range(0, net.TransitionCount).Where(t => net.IsEnabled(t, marking)).ToList();
            if (enabled.Count == 0)
            {
                break;
            }

            var t = enabled[random.Next(enabled.Count)];
            net.Fire(t, marking);
            if (net.Transitions[t].Label is { } label)
            {
                trace.Add(label);
            }
        }

        return trace;
    }
}
