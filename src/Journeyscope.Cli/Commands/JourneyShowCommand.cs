using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.EventLogs;
using Journeyscope.IO.Journeys;
using Journeyscope.Journeys;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope journey show FILE</c>: stages, touchpoints with lane, channel and rule, the flow, KPIs.</summary>
internal static class JourneyShowCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The journey file." };
        var command = new Command("show",
            "Show a designed journey: stages (with their canvas in JSON), touchpoints (lane, channel, mapping rule, capabilities), the flow in PM4Py notation, KPIs.\n" +
            "Example: journeyscope journey show journeys/retail.yaml --format json")
        {
            file,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            var read = JourneyFiles.Read(path);
            var diagnostics = JourneyValidator.Validate(read);
            if (read.Journey is not { } journey || diagnostics.Any(d => d.IsError))
            {
                foreach (var diagnostic in diagnostics)
                {
                    context.Error.WriteLine(diagnostic.ToString());
                }

                context.Error.WriteLine($"{path} has errors; run 'journeyscope journey validate {path}' after fixing them.");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var stages = new Table("Stages", "Stage", "Name", "Touchpoints");
            foreach (var stage in journey.Stages)
            {
                stages.Add(stage.Id, stage.Name, journey.Touchpoints.Count(t => t.Stage == stage.Id));
            }

            var touchpoints = new Table("Touchpoints", "Touchpoint", "Name", "Stage", "Lane", "Channel", "Owner", "Rule");
            foreach (var t in journey.Touchpoints)
            {
                touchpoints.Add(t.Id, t.Name, t.Stage, JourneyYaml.LaneName(t.Lane), t.Channel, t.Owner, RuleText(t.Rule));
            }

            var kpis = new Table("KPIs", "KPI", "Name", "Kind", "Target", "Stages", "Touchpoints", "Drivers");
            foreach (var k in journey.Kpis)
            {
                kpis.Add(k.Id, k.Name, k.Kind, k.Target, string.Join(", ", k.Stages), string.Join(", ", k.Touchpoints), string.Join(", ", k.Drivers));
            }

            var capabilities = new Table("Capabilities", "Touchpoint", "Kind", "Capability", "Readiness");
            foreach (var t in journey.Touchpoints)
            {
                foreach (var c in t.Capabilities)
                {
                    capabilities.Add(t.Id, CapabilityLevels.KindName(c.Kind), c.Name, $"{c.Readiness} {c.Level}");
                }
            }

            var report = new Report().Add(touchpoints).Add(stages).Add(kpis);
            if (capabilities.Rows.Count > 0)
            {
                report.Add(capabilities);
            }
            report.Notes.Add($"Journey {journey.Id}: {journey.Name}" + (journey.Owner is null ? string.Empty : $" (owner: {journey.Owner})"));
            report.Notes.Add("Flow: " + (journey.Flow?.ToString() ?? "(none designed yet)"));
            foreach (var target in journey.TimeTargets)
            {
                report.Notes.Add($"Time target {target.Id}: {target.Name}, {target.From} to {target.To} within {DurationText.Format(target.Within)}" +
                                 (target.BusinessHours ? " (business hours)" : string.Empty));
            }

            foreach (var warning in diagnostics)
            {
                report.Notes.Add(warning.ToString());
            }

            report.Json = new
            {
                journey = journey.Id,
                name = journey.Name,
                owner = journey.Owner,
                description = journey.Description,
                stages = journey.Stages.Select(s => new
                {
                    id = s.Id,
                    name = s.Name,
                    canvas = s.Canvas is not { } c ? null : new
                    {
                        customer_actions = c.CustomerActions,
                        frontstage = c.Frontstage,
                        backstage = c.Backstage,
                        opportunities = c.Opportunities,
                        value_proposition = c.ValueProposition,
                    },
                }),
                touchpoints = journey.Touchpoints.Select(t => new
                {
                    id = t.Id,
                    name = t.Name,
                    stage = t.Stage,
                    lane = JourneyYaml.LaneName(t.Lane),
                    channel = t.Channel,
                    owner = t.Owner,
                    activities = t.Rule.Activities,
                    activity_regex = t.Rule.ActivityPattern,
                    where = t.Rule.Conditions,
                    capabilities = t.Capabilities.Select(c => new
                    {
                        kind = CapabilityLevels.KindName(c.Kind),
                        name = c.Name,
                        readiness = c.Readiness,
                        level = c.Level,
                        note = c.Note,
                    }),
                }),
                flow = journey.Flow?.ToString(),
                kpis = journey.Kpis.Select(k => new
                {
                    id = k.Id,
                    name = k.Name,
                    kind = k.Kind,
                    target = k.Target,
                    stages = k.Stages,
                    touchpoints = k.Touchpoints,
                    drivers = k.Drivers,
                }),
                time_targets = journey.TimeTargets.Select(t => new
                {
                    id = t.Id,
                    name = t.Name,
                    from = t.From,
                    to = t.To,
                    within = DurationText.Format(t.Within),
                    within_seconds = t.Within.TotalSeconds,
                    business_hours = t.BusinessHours,
                }),
                warnings = diagnostics.Select(d => d.ToString()),
            };
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string RuleText(TouchpointRule rule)
    {
        var parts = new List<string>();
        if (rule.Activities.Count > 0)
        {
            parts.Add("activity: " + string.Join(", ", rule.Activities));
        }

        if (rule.ActivityPattern is { } pattern)
        {
            parts.Add("regex: " + pattern);
        }

        if (rule.Conditions.Count > 0)
        {
            parts.Add("where: " + string.Join(" and ", rule.Conditions));
        }

        return string.Join("; ", parts);
    }
}
