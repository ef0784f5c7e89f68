using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Segments;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope retention</c>: a cohort table of retention per period, with churn.</summary>
internal static class RetentionCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var period = new Option<string>("--period") { Description = "Cohort period: day, week or month (default week).", DefaultValueFactory = _ => "week" };
        period.AcceptOnlyFromAmong("day", "week", "month");
        var periods = new Option<int>("--periods") { Description = "Periods after the cohort period to show (default 8).", DefaultValueFactory = _ => RetentionOptions.Default.Periods };
        var returnActivity = new Option<string[]>("--return-activity")
        {
            Description = "Activity that counts as a return (repeatable; default: any later event). Example: --return-activity \"Repeat purchase\"",
        };
        var churnAfter = new Option<string?>("--churn-after") { Description = "Churned after this much inactivity before the end of the log. Example: --churn-after 30d" };
        var churnEvent = new Option<string[]>("--churn-event") { Description = "Activity that means churn, such as a cancellation (repeatable)." };
        var by = new Option<string?>("--by") { Description = "Cohorts by a case attribute instead of the first event's period. Example: --by segment" };
        var command = new Command("retention",
            "Retention: cohorts by first-event period (or by a case attribute), the share of each cohort that returns in each later period, " +
            "and churn (inactivity or an explicit cancel event).\nExample: journeyscope retention --period week --return-activity \"Repeat purchase\" --churn-after 30d")
        {
            period, periods, returnActivity, churnAfter, churnEvent, by,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(periods) < 0)
            {
                throw new UsageException("--periods must not be negative.");
            }

            var options = new RetentionOptions
            {
                Period = parse.GetValue(period) switch
                {
                    "day" => CohortPeriod.Day,
                    "month" => CohortPeriod.Month,
                    _ => CohortPeriod.Week,
                },
                Periods = parse.GetValue(periods),
                ReturnActivities = parse.GetValue(returnActivity),
                ChurnAfter = parse.GetValue(churnAfter) is { } text ? FunnelCommand.ParseDuration(text, "--churn-after") : null,
                ChurnActivities = parse.GetValue(churnEvent),
                CohortAttribute = parse.GetValue(by),
            };
            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            if (NameCheck.FirstUnknown(log, [("--return-activity", options.ReturnActivities ?? []), ("--churn-event", options.ChurnActivities ?? [])]) is { } unknown)
            {
                // A misspelt return activity would otherwise show every cohort at 0 %, a churn event no churn.
                context.Error.WriteLine($"error: {unknown}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            RetentionResult result;
            try
            {
                result = RetentionAnalysis.Compute(log, options, cancellationToken);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            var columns = new List<string> { "Cohort", "Cases" };
            for (var k = 0; k <= options.Periods; k++)
            {
                columns.Add($"P{k}");
            }

            columns.Add("Churned");
            columns.Add("Churn rate");
            var table = new Table("Retention", [.. columns]);
            foreach (var cohort in result.Cohorts.Append(result.Total))
            {
                var row = new List<object?> { cohort.Label, cohort.Size };
                foreach (var rate in cohort.Rates)
                {
                    row.Add(double.IsNaN(rate) ? null : Human.Share(rate));
                }

                row.Add(cohort.Churned);
                row.Add(Human.Share(cohort.ChurnRate));
                table.Add([.. row]);
            }

            var report = new Report().Add(table);
            report.Notes.Add($"P{{k}} = share of the cohort with a return event k {parse.GetValue(period)}s after its first event's {parse.GetValue(period)}, " +
                "among cases whose period k has begun; empty when no case is eligible yet.");
            report.Json = RetentionTable.From(result, log.TimeBasis, version);
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
