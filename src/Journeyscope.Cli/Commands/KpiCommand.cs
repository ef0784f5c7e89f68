using System.CommandLine;
using System.Text.Json;
using Journeyscope.Cli.Output;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Results;

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
            Description = "The trend's period: none, day, week, month (default, as in the API and the UI), quarter or year. Example: --period week",
            DefaultValueFactory = _ => Name(JourneyKpis.DefaultPeriod),
        };
        period.AcceptOnlyFromAmong("none", "day", "week", "month", "quarter", "year");
        var by = new Option<string?>("--by") { Description = "Compute each KPI per value of a case (or event) attribute. Example: --by channel" };
        var tree = new Option<bool>("--tree") { Description = "Show the KPI tree: each driver link with the parent KPI on target vs off target and a 95% interval." };
        var command = new Command("kpi",
            "KPIs of the designed journey (docs/kpis.md): value, target and status (met, missed, noData, noTarget), sample size; the trend\n" +
            "per period and the value per segment; --tree for drivers. --format json writes the API's record (JourneyKpis, or JourneyKpiTree with --tree).\n" +
            "Example: journeyscope kpi --journey journeys/retail.yaml --period month --by channel")
        {
            journey, period, by, tree,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var designed = LoadJourney(parse.GetValue(journey), parse.GetRequiredValue(context.Workspace));
            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            if (parse.GetValue(by) is { } segmentBy && !string.IsNullOrWhiteSpace(segmentBy) && !parse.GetValue(tree) &&
                NameCheck.UnknownAttribute(log, "--by", segmentBy.Trim()) is { } unknown)
            {
                // A misspelt attribute would otherwise put every case in one "(none)" segment.
                context.Error.WriteLine($"error: {unknown}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            if (NameCheck.UnknownKpiNames(log, designed) is { } unknownNames)
            {
                // A KPI naming an activity the workspace never saw would otherwise silently say noData.
                context.Error.WriteLine($"error: {unknownNames}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var report = new Report();
            try
            {
                if (parse.GetValue(tree))
                {
                    var result = JourneyKpiTree.Compute(log, designed, version, cancellationToken);
                    var links = new Table("KPI tree", "KPI", "Driver", "Split", "On target", "On-target cases", "Off target", "Off-target cases", "Difference", "95% interval", "Method");
                    foreach (var link in result.Links)
                    {
                        links.Add(link.Kpi, link.Driver, link.Split, link.FormattedOnTarget, link.OnTargetCases, link.FormattedOffTarget,
                            link.OffTargetCases, link.FormattedDifference, link.FormattedInterval, link.Method);
                    }

                    report.Add(links);
                    report.Notes.Add($"{result.Links.Count} KPI tree links of journey '{designed.Id}' over {result.Cases:N0} cases.");
                    report.Json = result;
                }
                else
                {
                    var result = JourneyKpis.Compute(log, designed, version, Enum.Parse<KpiPeriod>(parse.GetValue(period) ?? "month", ignoreCase: true),
                        parse.GetValue(by), cancellationToken);
                    report.Add(Table(result));
                    foreach (var kpi in result.Kpis)
                    {
                        report.Notes.AddRange(kpi.Notes.Select(note => $"{kpi.Id}: {note}"));
                    }

                    report.Notes.Add($"{result.Kpis.Count} KPIs of journey '{designed.Id}' over {result.Cases:N0} cases.");
                    report.Json = result;
                }
            }
            catch (Exception e) when (e is KpiException or KpiExpressionException)
            {
                throw new IOException(e.Message, e);
            }

            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>One row per KPI overall, then one per period of its trend and one per segment.</summary>
    private static Table Table(JourneyKpis result)
    {
        var table = new Table("KPIs", "KPI", "Name", "Kind", "Period", "Segment", "Value", "Target", "Status", "Sample");
        foreach (var kpi in result.Kpis)
        {
            table.Add(kpi.Id, kpi.Name, kpi.Kind, "all", "all", kpi.FormattedValue, kpi.Target ?? "", Name(kpi.Status), kpi.SampleSize);
            foreach (var value in kpi.Trend)
            {
                table.Add(kpi.Id, kpi.Name, kpi.Kind, value.Label, "all", value.FormattedValue, kpi.Target ?? "", Name(value.Status), value.SampleSize);
            }

            foreach (var value in kpi.Segments)
            {
                table.Add(kpi.Id, kpi.Name, kpi.Kind, "all", value.Segment, value.FormattedValue, kpi.Target ?? "", Name(value.Status), value.SampleSize);
            }
        }

        return table;
    }

    /// <summary>An enum value as the JSON contract names it (<c>noData</c>, <c>month</c>), so the table uses the same words.</summary>
    internal static string Name<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, ResultJson.Options).Trim('"');

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
}
