using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.IO;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope conformance</c>: with <c>--model</c>, PM4Py's log-level fitness figures and the cost of each variant
/// against a Petri net; with <c>--journey</c>, the deviation report against a designed journey.
/// </summary>
internal static class ConformanceCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var journey = new Option<string?>("--journey") { Description = "A journey YAML to check the log against: the deviation report. Example: --journey journeys/retail.yaml" };
        var model = new Option<string?>("--model") { Description = "A Petri net (PNML) to check the log against. Example: --model model.pnml" };
        var method = new Option<string>("--method")
        {
            Description = "'alignments' (exact, default) or 'token-replay' (fast, approximate; --model only). Example: --method token-replay",
            DefaultValueFactory = _ => "alignments",
        };
        method.AcceptOnlyFromAmong("alignments", "token-replay");
        var by = new Option<string?>("--by") { Description = "Break conformance down by this case attribute. Example: --by channel" };
        var top = new Option<int>("--top")
        {
            Description = $"Show the N most frequent variants or deviation patterns (default {JourneyConformanceResult.DefaultTop}, as the API).",
            DefaultValueFactory = _ => JourneyConformanceResult.DefaultTop,
        };
        var command = new Command("conformance",
            "Conformance: how well the cases fit a design. With --journey FILE.yaml: where and how cases leave the designed\n" +
            "journey (skipped, unexpected, out-of-order and repeated touchpoints, channel switches, time targets, patterns,\n" +
            "conformance per segment and month, designed versus actual transitions; docs/deviations.md).\n" +
            "With --model FILE.pnml: average trace fitness, log fitness and the\n" +
            "percentage of fitting traces (PM4Py's definitions; use --time-basis wall-clock to reproduce PM4Py), and each\n" +
            "variant's alignment cost.\n" +
            "Examples: journeyscope conformance --journey journeys/retail.yaml --by segment\n" +
            "          journeyscope conformance --model model.pnml --method token-replay --format json")
        {
            journey, model, method, by, top,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var n = parse.GetValue(top);
            if (n <= 0)
            {
                throw new UsageException($"--top must be positive, got {n}.");
            }

            var (journeyPath, modelPath) = (parse.GetValue(journey), parse.GetValue(model));
            if ((journeyPath is null) == (modelPath is null))
            {
                throw new UsageException("Name exactly one design to check against: --journey FILE.yaml or --model FILE.pnml.");
            }

            var tokenReplay = parse.GetValue(method) == "token-replay";
            if (tokenReplay && journeyPath is not null)
            {
                throw new UsageException("--method token-replay needs --model: the deviation report of --journey is read from alignments.");
            }

            var designed = journeyPath is null ? null : ReadJourney(journeyPath);
            var net = modelPath is null ? null : PnmlReader.Read(modelPath);
            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            var attribute = parse.GetValue(by);
            if (attribute is not null && log.FindCaseAttribute(attribute) is null)
            {
                throw new UsageException($"There is no case attribute '{attribute}'. Case attributes: {string.Join(", ", log.CaseAttributes.Select(c => c.Name))}.");
            }

            try
            {
                var report = designed is not null
                    ? JourneyReport(
                        JourneyConformance.Check(log, designed, JourneyConformanceResult.Options(n, attribute is null ? null : [attribute]), cancellationToken),
                        n, version)
                    : tokenReplay
                        ? TokenReplayReport(log, TokenReplay.Compute(log, net!, cancellationToken: cancellationToken), attribute, n)
                        : ModelReport(log, Alignments.Compute(log, net!, cancellationToken: cancellationToken), attribute, n);
                report.Write(context.GetFormat(parse), context.Output);
                return Task.FromResult(ExitCodes.Success);
            }
            catch (InvalidOperationException e)
            {
                context.Error.WriteLine($"error: {journeyPath ?? modelPath}: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }
        });
        return command;
    }

    private static Report JourneyReport(JourneyCheck check, int top, long version)
    {
        var r = check.Report;
        var result = JourneyConformanceResult.From(check, version);
        var summary = new Table($"Conformance of journey {r.JourneyId}", "Measure", "Value")
            .Add("Cases", r.CaseCount)
            .Add("Fitting cases", r.FittingCases)
            .Add("Conformance rate", Human.Share(r.ConformanceRate))
            .Add("Mean fitness", r.MeanFitness)
            .Add("Log fitness", check.Alignments.LogFitness)
            .Add("Deviation patterns", r.PatternCount);
        var touchpoints = new Table("Touchpoints", "Touchpoint", "Stage", "Cases", "Skipped", "Unexpected", "Out of order", "Repeated");
        foreach (var t in r.Touchpoints)
        {
            touchpoints.Add(t.TouchpointId, t.StageId, t.Cases, t.Skipped, t.Inserted, t.OutOfOrder, t.Repeated);
        }

        var stages = new Table("Stages", "Stage", "Cases", "Skipped", "Unexpected", "Out of order", "Repeated", "Deviating");
        foreach (var s in r.Stages)
        {
            stages.Add(s.StageId, s.Cases, s.Skipped, s.Inserted, s.OutOfOrder, s.Repeated, s.Deviating);
        }

        var patterns = new Table("Deviation patterns", "Cases", "Share", "Pattern", "Example cases");
        foreach (var p in result.Patterns.Take(top))
        {
            patterns.Add(p.Cases, Human.Share(p.Share), p.Description, string.Join(" ", p.ExampleCases));
        }

        var targets = new Table("Time targets", "Target", "Within", "Measured", "Breached", "Breach rate", "Median", "Example cases");
        foreach (var t in r.TimeTargets)
        {
            targets.Add(t.TargetId, Human.Duration(t.WithinSeconds), t.MeasuredCases, t.BreachedCases, Human.Share(t.BreachRate), Human.Duration(t.MedianElapsedSeconds),
                string.Join(" ", t.ExampleCaseIds));
        }

        var segments = new Table("Conformance by segment", "Dimension", "Value", "Cases", "Fitting cases", "Conformance rate", "Mean fitness");
        foreach (var s in r.Segments)
        {
            segments.Add(s.Dimension, s.Value, s.Cases, s.FittingCases, Human.Share(s.ConformanceRate), s.MeanFitness);
        }

        var report = new Report().Add(touchpoints).Add(summary).Add(stages).Add(patterns);
        if (r.UnmappedSteps.Count > 0)
        {
            var unmapped = new Table("Unmapped steps (unexpected)", "Activity", "Events", "Cases");
            foreach (var u in r.UnmappedSteps.Take(top))
            {
                unmapped.Add(u.Activity, u.Events, u.Cases);
            }

            report.Add(unmapped);
        }

        if (r.ChannelMismatches.Count > 0 || r.ChannelSwitches.Count > 0)
        {
            var channels = new Table("Unplanned channels", "Kind", "Where", "From", "To", "Events", "Cases");
            foreach (var m in r.ChannelMismatches.Take(top))
            {
                channels.Add("mismatch", m.TouchpointId, m.DesignedChannel, m.ActualChannel, m.Events, m.Cases);
            }

            foreach (var w in r.ChannelSwitches.Take(top))
            {
                channels.Add("switch", w.StageId, $"{w.FromTouchpoint}@{w.FromChannel}", $"{w.ToTouchpoint}@{w.ToChannel}", w.Switches, w.Cases);
            }

            report.Add(channels);
        }

        if (r.TimeTargets.Count > 0)
        {
            report.Add(targets);
        }

        report.Add(segments);
        if (r.Transitions is { } transitions)
        {
            var edges = new Table("Transitions not designed or never taken", "From", "To", "Count", "Cases", "Designed");
            foreach (var e in transitions.Undesigned.Take(top).Concat(transitions.NeverTaken.Take(top)))
            {
                edges.Add(e.From ?? "[start]", e.To ?? "[end]", e.Count, e.Cases, e.Designed ? "yes" : "no");
            }

            report.Add(edges);
        }

        report.Notes.AddRange(r.Warnings);
        report.Json = result;
        return report;
    }

    private static Journeys.DesignedJourney ReadJourney(string path)
    {
        var journey = JourneyFiles.ReadValid(path);
        if (journey.Flow is null)
        {
            throw new UsageException($"{path}: the journey has no flow to check cases against; add a 'flow' (docs/journeys.md).");
        }

        return journey;
    }

    private static Report TokenReplayReport(EventLog log, TokenReplayResult result, string? attribute, int top)
    {
        var summary = new Table("Conformance (token replay)", "Measure", "Value")
            .Add("Cases", log.CaseCount)
            .Add("Variants", result.Variants.Count)
            .Add("Average trace fitness", result.AverageTraceFitness)
            .Add("Log fitness", result.LogFitness)
            .Add("Fitting traces (%)", result.PercentageOfFittingTraces);
        var counts = new int[result.Variants.Count];
        foreach (var v in result.CaseVariants)
        {
            counts[v]++;
        }

        var order = Enumerable.Range(0, counts.Length).OrderByDescending(v => counts[v]).ThenBy(v => v).Take(top).ToList();
        var variants = new Table("Variants", "Rank", "Cases", "Fitness", "Missing", "Remaining", "Activities");
        for (var i = 0; i < order.Count; i++)
        {
            var trace = result.Variants[order[i]];
            variants.Add(i + 1, counts[order[i]], trace.Fitness, trace.Missing, trace.Remaining, string.Join(" > ", result.VariantActivities[order[i]]));
        }

        var report = new Report().Add(summary).Add(variants);
        if (attribute is not null)
        {
            var table = new Table($"Fitness by {attribute}", "Value", "Cases", "Fitting cases", "Conformance rate", "Mean fitness");
            foreach (var g in SegmentFitness.Of(log, result, attribute))
            {
                table.Add(g.Value, g.Cases, g.FittingCases, g.ConformanceRate, g.MeanFitness);
            }

            report.Add(table);
        }

        report.Json = new
        {
            method = "token-replay",
            cases = log.CaseCount,
            variantCount = result.Variants.Count,
            averageTraceFitness = result.AverageTraceFitness,
            logFitness = result.LogFitness,
            percentageOfFittingTraces = result.PercentageOfFittingTraces,
            variants = order.Select((v, i) => new
            {
                rank = i + 1,
                cases = counts[v],
                fitness = result.Variants[v].Fitness,
                produced = result.Variants[v].Produced,
                consumed = result.Variants[v].Consumed,
                missing = result.Variants[v].Missing,
                remaining = result.Variants[v].Remaining,
                activities = result.VariantActivities[v],
            }),
        };
        return report;
    }

    private static Report ModelReport(EventLog log, AlignmentResult result, string? attribute, int top)
    {
        var summary = new Table("Conformance", "Measure", "Value")
            .Add("Cases", log.CaseCount)
            .Add("Variants", result.Variants.Count)
            .Add("Average trace fitness", result.AverageTraceFitness)
            .Add("Log fitness", result.LogFitness)
            .Add("Fitting traces (%)", result.PercentageOfFittingTraces);
        var variants = new Table("Variants", "Rank", "Cases", "Cost", "Fitness", "Deviations", "Activities");
        var shown = result.Variants.Take(top).ToList();
        for (var v = 0; v < shown.Count; v++)
        {
            var alignment = shown[v].Alignment;
            variants.Add(v + 1, shown[v].Cases.Count, alignment.Cost, alignment.Fitness, Deviations(alignment), string.Join(" > ", shown[v].Activities));
        }

        var segments = attribute is null ? [] : SegmentFitness.Of(log, result, attribute);
        var report = new Report().Add(summary).Add(variants);
        if (attribute is not null)
        {
            var table = new Table($"Fitness by {attribute}", "Value", "Cases", "Fitting cases", "Conformance rate", "Mean fitness");
            foreach (var s in segments)
            {
                table.Add(s.Value, s.Cases, s.FittingCases, s.ConformanceRate, s.MeanFitness);
            }

            report.Add(table);
        }

        report.Notes.Add($"{result.Variants.Count:N0} variants over {log.CaseCount:N0} cases; showing {shown.Count:N0}. Deviations: +X the case did X where the model could not, -X the model needed X.");
        report.Json = new
        {
            method = "alignments",
            cases = log.CaseCount,
            variantCount = result.Variants.Count,
            averageTraceFitness = result.AverageTraceFitness,
            logFitness = result.LogFitness,
            percentageOfFittingTraces = result.PercentageOfFittingTraces,
            variants = shown.Select((v, i) => new
            {
                rank = i + 1,
                cases = v.Cases.Count,
                cost = v.Alignment.Cost,
                fitness = v.Alignment.Fitness,
                activities = v.Activities,
                moves = v.Alignment.Moves.Select(m => new { kind = m.Kind, label = m.Label, tracePosition = m.TracePosition }),
            }),
            by = attribute,
            segments = segments.Select(s => new
            {
                value = s.Value,
                cases = s.Cases,
                fittingCases = s.FittingCases,
                conformanceRate = s.ConformanceRate,
                meanFitness = s.MeanFitness,
            }),
        };
        return report;
    }

    private static string Deviations(TraceAlignment alignment) => string.Join(" ", alignment.Moves
        .Where(m => m.Kind is MoveKind.LogMove or MoveKind.ModelMove)
        .Select(m => (m.Kind == MoveKind.LogMove ? "+" : "-") + m.Label));
}
