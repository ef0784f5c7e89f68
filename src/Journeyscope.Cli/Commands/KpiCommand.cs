using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Journeys;
using Journeyscope.Kpis;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope kpi</c>: the journey's KPIs with target status, per period and segment, and the KPI tree.</summary>
internal static class KpiCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var journey = new Option<string?>("--journey", "-j")
        {
            Description = "The journey file whose KPIs to compute (default: the only file in the workspace's journeys/ folder). Example: --journey journeys/retail.yaml",
        };
        var period = new Option<string>("--period")
        {
            Description = "Compute each KPI per period: none (default), day, week, month, quarter or year. Example: --period month",
            DefaultValueFactory = _ => "none",
        };
        period.AcceptOnlyFromAmong("none", "day", "week", "month", "quarter", "year");
        var by = new Option<string?>("--by") { Description = "Compute each KPI per value of a case (or event) attribute. Example: --by channel" };
        var tree = new Option<bool>("--tree") { Description = "Show the KPI tree: each driver link with the parent KPI on target vs off target and a 95% interval." };
        var command = new Command("kpi",
            "KPIs of the designed journey (docs/kpis.md): value, target and status (met, missed, no data), sample size; per period and segment; --tree for drivers.\n" +
            "Example: journeyscope kpi --journey journeys/retail.yaml --period month --by channel")
        {
            journey, period, by, tree,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var designed = LoadJourney(parse.GetValue(journey), parse.GetRequiredValue(context.Workspace));
            var log = source.Load(parse, cancellationToken);
            var options = new KpiOptions
            {
                Period = Enum.Parse<KpiPeriod>(parse.GetValue(period) ?? "none", ignoreCase: true),
                SegmentBy = parse.GetValue(by),
                Associations = parse.GetValue(tree),
            };
            KpiReport result;
            try
            {
                result = KpiEngine.Compute(log, designed, options, cancellationToken);
            }
            catch (Exception e) when (e is KpiException or KpiExpressionException)
            {
                throw new IOException(e.Message, e);
            }

            var report = new Report();
            var table = new Table("KPIs", "KPI", "Name", "Kind", "Period", "Segment", "Value", "Target", "Status", "Sample");
            foreach (var kpi in result.Kpis)
            {
                var rows = kpi.Series.Count == 0 ? [kpi.Overall] : kpi.Series;
                foreach (var value in rows)
                {
                    table.Add(kpi.Id, kpi.Name, kpi.Kind, value.Period ?? "all", value.Segment ?? "all", Format(value.Value, kpi.Unit),
                        kpi.Target?.Text ?? "", Status(value.Status), value.SampleSize);
                }
            }

            report.Add(table);
            if (options.Associations)
            {
                var links = new Table("KPI tree", "KPI", "Driver", "Split", "On target", "On-target cases", "Off target", "Off-target cases", "Difference", "95% interval", "Method");
                foreach (var link in result.Tree)
                {
                    var unit = result.Kpis.First(k => k.Id == link.ParentId).Unit;
                    links.Add(link.ParentId, link.DriverId, link.Split, Format(link.MetValue, unit), link.MetCases, Format(link.MissedValue, unit),
                        link.MissedCases, Format(link.Difference, unit), $"[{Format(link.Lower, unit)}, {Format(link.Upper, unit)}]", link.Method);
                }

                report.Add(links);
            }

            foreach (var kpi in result.Kpis)
            {
                foreach (var note in kpi.Notes)
                {
                    report.Notes.Add($"{kpi.Id}: {note}");
                }
            }

            report.Notes.Add($"{result.Kpis.Count} KPIs of journey '{designed.Id}' over {result.CaseCount:N0} cases.");
            report.Json = new
            {
                journey = designed.Id,
                cases = result.CaseCount,
                kpis = result.Kpis.Select(k => new
                {
                    id = k.Id,
                    name = k.Name,
                    kind = k.Kind,
                    category = k.Category.ToString().ToLowerInvariant(),
                    unit = k.Unit.ToString().ToLowerInvariant(),
                    target = k.Target?.Text,
                    value = k.Overall.Value,
                    status = Status(k.Overall.Status),
                    sampleSize = k.Overall.SampleSize,
                    series = k.Series.Select(v => new { period = v.Period, segment = v.Segment, value = v.Value, status = Status(v.Status), sampleSize = v.SampleSize }),
                    notes = k.Notes,
                }),
                tree = result.Tree.Select(l => new
                {
                    kpi = l.ParentId,
                    driver = l.DriverId,
                    split = l.Split,
                    onTarget = l.MetValue,
                    onTargetCases = l.MetCases,
                    offTarget = l.MissedValue,
                    offTargetCases = l.MissedCases,
                    difference = l.Difference,
                    lower = l.Lower,
                    upper = l.Upper,
                    method = l.Method,
                    significant = l.Significant,
                }),
            };
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>Reads the journey: the given file, or the only file of the workspace's journeys/ folder.</summary>
    internal static DesignedJourney LoadJourney(string? file, string workspace)
    {
        var files = JourneyFiles.Resolve(file is null ? null : [file], workspace);
        if (files.Count > 1)
        {
            throw new UsageException($"The workspace has {files.Count} journey files; choose one with --journey (for example --journey {files[0]}).");
        }

        return JourneyFiles.ReadValid(files[0]);
    }

    internal static string Status(KpiStatus status) => status switch
    {
        KpiStatus.Met => "met",
        KpiStatus.Missed => "missed",
        KpiStatus.NoData => "no data",
        _ => "no target",
    };

    internal static string Format(double? value, KpiUnit unit) => KpiFormat.Value(value, unit);
}
