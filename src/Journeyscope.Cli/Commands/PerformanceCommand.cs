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
        var command = new Command("performance",
            "Value stream performance: lead time, processing time, waiting time and flow efficiency per case and per activity, " +
            "case durations, and throughput with work in progress.\nExample: journeyscope performance --working-hours 09:00-17:00 --format json")
        {
            granularity,
        };
        source.AddTo(command);
        calendar.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var log = source.Load(parse, cancellationToken);
            var stream = ValueStream.Analyze(log, new ValueStreamOptions { Calendar = calendar.Read(parse) }, cancellationToken);
            var durations = CaseDurations.Discover(log, cancellationToken: cancellationToken);
            var throughput = Throughput.Analyze(log, parse.GetValue(granularity) == "day" ? Granularity.Day : Granularity.Week, cancellationToken);

            var summary = new Table("Value stream", "Cases", "Mean lead (h)", "Mean processing (h)", "Mean waiting (h)", "Flow efficiency",
                "Median duration (h)", "P90 duration (h)", "P95 duration (h)", "Processing from");
            summary.Add((long)log.CaseCount, Human.Duration(stream.MeanLeadTime.TotalHours, DurationUnit.Hours), Human.Duration(stream.MeanProcessingTime.TotalHours, DurationUnit.Hours),
                Human.Duration(stream.MeanWaitingTime.TotalHours, DurationUnit.Hours), Human.Share(stream.FlowEfficiency), Human.Duration(durations.Median / 3600, DurationUnit.Hours),
                Human.Duration(durations.P90 / 3600, DurationUnit.Hours), Human.Duration(durations.P95 / 3600, DurationUnit.Hours), stream.Source.ToString());
            var activities = new Table("Activities", "Activity", "Events", "Mean processing (h)", "Total waiting before (h)", "Mean waiting before (h)");
            foreach (var a in stream.Activities.OrderByDescending(a => a.TotalWaitingTime))
            {
                activities.Add(a.Activity, (long)a.Count, Human.Duration(a.MeanProcessingTime.TotalHours, DurationUnit.Hours),
                    Human.Duration(a.TotalWaitingTime.TotalHours, DurationUnit.Hours), Human.Duration(a.MeanWaitingTime.TotalHours, DurationUnit.Hours));
            }

            var periods = new Table("Throughput", "Period start", "Started", "Completed", "Work in progress");
            foreach (var p in throughput.Periods)
            {
                periods.Add(p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (long)p.Started, (long)p.Completed, (long)p.WorkInProgress);
            }

            var report = new Report().Add(summary).Add(activities).Add(periods);
            if (stream.FlowEfficiency is null)
            {
                report.Notes.Add("Flow efficiency is unknown: the events carry no start times or start/complete lifecycle pairs.");
            }

            report.Json = new
            {
                cases = log.CaseCount,
                processingFrom = stream.Source.ToString(),
                usesCalendar = stream.UsesCalendar,
                leadTimeSeconds = new { total = stream.TotalLeadTime.TotalSeconds, mean = stream.MeanLeadTime.TotalSeconds },
                processingTimeSeconds = new { total = stream.TotalProcessingTime.TotalSeconds, mean = stream.MeanProcessingTime.TotalSeconds },
                waitingTimeSeconds = new { total = stream.TotalWaitingTime.TotalSeconds, mean = stream.MeanWaitingTime.TotalSeconds },
                flowEfficiency = stream.FlowEfficiency,
                meanFlowEfficiency = stream.MeanFlowEfficiency,
                caseDurationSeconds = new { mean = durations.Mean, median = durations.Median, min = durations.Min, max = durations.Max, p90 = durations.P90, p95 = durations.P95 },
                activities = stream.Activities.Select(a => new
                {
                    activity = a.Activity,
                    events = a.Count,
                    totalProcessingSeconds = a.TotalProcessingTime.TotalSeconds,
                    meanProcessingSeconds = a.MeanProcessingTime.TotalSeconds,
                    waits = a.WaitCount,
                    totalWaitingSeconds = a.TotalWaitingTime.TotalSeconds,
                    meanWaitingSeconds = a.MeanWaitingTime.TotalSeconds,
                }),
                throughput = new
                {
                    granularity = throughput.Granularity.ToString().ToLowerInvariant(),
                    periods = throughput.Periods.Select(p => new { start = p.Start, started = p.Started, completed = p.Completed, workInProgress = p.WorkInProgress }),
                },
            };
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
