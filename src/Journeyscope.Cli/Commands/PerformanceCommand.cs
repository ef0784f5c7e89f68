using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Discovery;
using Journeyscope.Performance;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope performance</c>: lead, processing and waiting time, flow efficiency, case durations, throughput.</summary>
internal static class PerformanceCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var calendar = new CalendarOptions();
        var granularity = new Option<string>("--granularity")
        {
            Description = "Throughput periods: day or week (default week).",
            DefaultValueFactory = _ => "week",
        };
        granularity.AcceptOnlyFromAmong("day", "week");
        var journey = new Option<string?>("--journey", "-j")
        {
            Description = "A journey file whose designed order the steps of the JSON follow (default: the dominant variant's order).",
        };
        var command = new Command("performance",
            "Value stream performance: lead time, processing time, waiting time and flow efficiency per case and per activity, " +
            "case durations, and throughput with work in progress.\nExample: journeyscope performance --working-hours 09:00-17:00 --format json")
        {
            granularity,
            journey,
        };
        source.AddTo(command);
        calendar.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var designed = parse.GetValue(journey) is { } file ? KpiCommand.LoadJourney(file, parse.GetRequiredValue(context.Workspace)) : null;
            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            var stream = ValueStream.Analyze(log, new ValueStreamOptions { Calendar = calendar.Read(parse) }, cancellationToken);
            var durations = CaseDurations.Discover(log, cancellationToken: cancellationToken);
            var throughput = Throughput.Analyze(log, parse.GetValue(granularity) == "day" ? Granularity.Day : Granularity.Week, cancellationToken);

            var summary = new Table("Value stream", "Cases", "Mean lead (h)", "Mean processing (h)", "Mean waiting (h)", "Flow efficiency",
                "Median duration (h)", "P90 duration (h)", "P95 duration (h)", "Processing from");
            // Without start times processing is unknown, not zero (as on the value stream page); JSON keeps null for it.
            var known = stream.Source != ProcessingTimeSource.None;
            summary.Add((long)log.CaseCount, Human.Duration(stream.MeanLeadTime.TotalHours, DurationUnit.Hours),
                known ? Human.Duration(stream.MeanProcessingTime.TotalHours, DurationUnit.Hours) : "unknown",
                Human.Duration(stream.MeanWaitingTime.TotalHours, DurationUnit.Hours), Human.Share(stream.FlowEfficiency), Human.Duration(durations.Median / 3600, DurationUnit.Hours),
                Human.Duration(durations.P90 / 3600, DurationUnit.Hours), Human.Duration(durations.P95 / 3600, DurationUnit.Hours), stream.Source.ToString());
            // The steps in process order, as the value stream page shows them (not by waiting time): one rule in Core.
            var order = ProcessOrder.Of(log, designed, cancellationToken);
            var activities = new Table("Activities", "Activity", "Events", "Mean processing (h)", "Total waiting before (h)", "Mean waiting before (h)");
            foreach (var a in order.Sort(stream.Activities, a => a.Activity))
            {
                activities.Add(a.Activity, (long)a.Count, known ? Human.Duration(a.MeanProcessingTime.TotalHours, DurationUnit.Hours) : "unknown",
                    Human.Duration(a.TotalWaitingTime.TotalHours, DurationUnit.Hours), Human.Duration(a.MeanWaitingTime.TotalHours, DurationUnit.Hours));
            }

            var periods = new Table("Throughput", "Period start", "Started", "Completed", "Work in progress");
            foreach (var p in throughput.Periods)
            {
                periods.Add(p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (long)p.Started, (long)p.Completed, (long)p.WorkInProgress);
            }

            var report = new Report().Add(summary).Add(activities).Add(periods);
            report.Notes.Add(order.Basis == StepOrder.DesignedJourney
                ? $"Activities in process order: the designed order of journey '{designed!.Id}', as on the value stream page."
                : "Activities in process order: the order of the most frequent variant, as on the value stream page (--journey FILE for the designed order).");
            if (stream.FlowEfficiency is null)
            {
                report.Notes.Add(known
                    ? "Flow efficiency is unknown: the cases have no lead time."
                    : "Processing time and flow efficiency are unknown: the events carry no start times or start/complete lifecycle pairs.");
            }

            report.Json = PerformanceResult.From(log, version, stream, durations, throughput, order, designed?.Id);
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
