using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Kpis;
using Journeyscope.Monitoring;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope alerts</c>: the alert history of the workspace's monitoring schedules, newest period first.</summary>
internal static class AlertsCommand
{
    public static Command Create(CliContext context)
    {
        var schedule = new Option<string?>("--schedule") { Description = "One schedule's alerts only." };
        var limit = new Option<int>("--limit") { Description = "The most alerts listed (default 200).", DefaultValueFactory = _ => 200 };
        var command = new Command("alerts", "The alert history: each alert's KPI, period, value, expected range, the segment that moved most and the filter " +
            "selecting the period's cases (use it with --filter).\nExample: journeyscope alerts --format json")
        {
            schedule, limit,
        };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(limit);
            if (n <= 0)
            {
                throw new UsageException("--limit must be at least 1.");
            }

            using var workspace = Workspace.Open(parse.GetRequiredValue(context.Workspace), create: false);
            var alerts = workspace.ListAlerts(parse.GetValue(schedule), limit: n);
            var report = new Report().Add(Table("Alerts", alerts));
            if (alerts.Count == 0)
            {
                report.Notes.Add("No alerts.");
            }

            report.Json = alerts;
            report.Write(context.GetFormat(parse), context.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The rule that fired, in words; a sustained shift with its start.</summary>
    internal static string Rule(KpiAlert alert) => alert.Kind switch
    {
        AlertKind.SustainedShift => "sustained shift" + (alert.ShiftStart is { } start ? " since " + MonitorCommand.Time(start) : ""),
        AlertKind.Threshold => "threshold",
        _ => "single period",
    };

    internal static Table Table(string title, IEnumerable<KpiAlert> alerts)
    {
        var table = new Table(title, "Schedule", "KPI", "Rule", "Period", "Value", "Expected", "Moved most", "Cases (filter)");
        foreach (var a in alerts)
        {
            table.Add(a.Schedule, a.Kpi, Rule(a), MonitorCommand.Time(a.PeriodStart), Number(a.Value),
                (a.ExpectedLow is { } low ? Number(low) : "") + " .. " + (a.ExpectedHigh is { } high ? Number(high) : ""),
                a.Segment is null ? "" : $"{a.Segment} ({Number(a.SegmentValue ?? double.NaN)})", a.CasesFilter);
        }

        return table;
    }

    private static string Number(double value) => KpiFormat.Value(value, KpiUnit.Number);
}
