using System.CommandLine;
using System.Globalization;
using Journeyscope.Cli.Output;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope funnel</c>: conversion and drop-off per step, time to convert, breakdown, and the cases behind drop-offs.</summary>
internal static class FunnelCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var steps = new Option<string[]>("--step")
        {
            Description = "A step, in order (repeat for each). Activities separated by '|', conditions after 'where' joined by 'and'. " +
                "Examples: --step \"Visit site\" --step \"Add to cart|Search\" --step \"Pay where event.channel == app\"",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var optional = new Option<int[]>("--optional") { Description = "Step number (1-based) that may be skipped (repeatable). Example: --optional 2" };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "An event that stops a case's progress when it happens between the first and last step (repeatable, step syntax). " +
                "Example: --exclude \"Cancel order\"",
        };
        var window = new Option<string?>("--window") { Description = "Conversion window from the first step. Example: --window 7d" };
        var stepWindow = new Option<string[]>("--step-window")
        {
            Description = "Longest time from the previous step: 'DURATION' for every step, or 'N=DURATION' for step N (repeatable). Example: --step-window 3=1d",
        };
        var strict = new Option<bool>("--strict") { Description = "Strict order: no other events between consecutive steps." };
        var by = new Option<string?>("--by")
        {
            Description = "Break down by an attribute: case.NAME, event.NAME (read on the first step's event) or NAME. Example: --by channel",
        };
        var dropOffs = new Option<int?>("--drop-offs")
        {
            Description = "List the cases that reached step N (1-based) and not the next one. Example: --drop-offs 2",
        };
        var command = new Command("funnel",
            "Funnel: cases entering each step, conversion from the previous and first step, drop-offs, median and p90 time to convert, " +
            "optionally broken down by an attribute. Each case counts once (see docs/funnels.md).\n" +
            "Example: journeyscope funnel --step \"Visit site\" --step \"Add to cart\" --step Pay --window 7d --by channel")
        {
            steps, optional, exclude, window, stepWindow, strict, by, dropOffs,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var definition = Define(parse, steps, optional, exclude, window, stepWindow, strict, by);
            var dropOffStep = parse.GetValue(dropOffs);
            if (dropOffStep is { } n && (n < 1 || n > definition.Steps.Count))
            {
                throw new UsageException($"--drop-offs must name a step between 1 and {definition.Steps.Count}, got {n}.");
            }

            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            if (UnknownActivity(definition, log) is { } unknown)
            {
                // A misspelt step would otherwise give a silent 0 % funnel.
                context.Error.WriteLine($"error: {unknown}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            FunnelResult result;
            try
            {
                result = FunnelAnalysis.Compute(log, definition, cancellationToken);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            // One table, so CSV carries the breakdown too: the overall rows first, then each value's rows.
            var funnel = NewStepTable();
            AddSteps(funnel, definition.Breakdown is null ? null : "(all)", result.Steps);
            foreach (var group in result.Breakdown)
            {
                AddSteps(funnel, group.Value ?? "(none)", group.Steps);
            }

            var report = new Report().Add(funnel);

            // The CLI lists every drop-off case: one page as large as the list.
            var dropped = dropOffStep is { } step
                ? FunnelReport.DropOffPage(result, step, byBreakdown: false, null, 1, Math.Max(1, result.DropOffCaseIds(step - 1).Count))
                : null;
            if (dropped is not null)
            {
                var table = new Table($"Drop-offs after step {dropped.Step}", "Case");
                foreach (var id in dropped.Cases)
                {
                    table.Add(id);
                }

                report.Add(table);
            }

            report.Notes.Add($"{result.Steps[0].Entered:N0} of {result.CaseCount:N0} cases entered the funnel; " +
                $"{result.Steps[^1].Entered:N0} reached the last step ({result.Steps[^1].ConversionFromFirst:P1}).");
            report.Json = FunnelReport.From(result, log.TimeBasis, version, dropOffs: dropped);
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>Parses a duration such as 90s, 15m, 1.5h, 7d or 2w.</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        if (!DurationText.TryParse(text, out var duration) || duration <= TimeSpan.Zero)
        {
            throw new UsageException($"{option} expects a positive duration such as 90s, 15m, 1.5h, 7d or 2w; got '{text}'.");
        }

        return duration;
    }

    private static FunnelDefinition Define(
        ParseResult parse,
        Option<string[]> steps,
        Option<int[]> optional,
        Option<string[]> exclude,
        Option<string?> window,
        Option<string[]> stepWindow,
        Option<bool> strict,
        Option<string?> by)
    {
        var texts = parse.GetValue(steps) ?? [];
        var optionalSteps = new HashSet<int>(parse.GetValue(optional) ?? []);
        var windows = new Dictionary<int, TimeSpan>();
        TimeSpan? everyStep = null;
        foreach (var text in parse.GetValue(stepWindow) ?? [])
        {
            var at = text.IndexOf('=', StringComparison.Ordinal);
            if (at < 0)
            {
                everyStep = ParseDuration(text, "--step-window");
            }
            else if (int.TryParse(text.AsSpan(0, at), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 2 && number <= texts.Length)
            {
                windows[number] = ParseDuration(text[(at + 1)..], "--step-window");
            }
            else
            {
                throw new UsageException($"--step-window '{text}': the step number must be between 2 and {texts.Length}.");
            }
        }

        foreach (var number in optionalSteps)
        {
            if (number < 2 || number > texts.Length)
            {
                throw new UsageException($"--optional {number}: only steps 2 to {texts.Length} can be optional.");
            }
        }

        try
        {
            var list = new List<FunnelStep>();
            for (var i = 0; i < texts.Length; i++)
            {
                var parsed = FunnelStep.Parse(texts[i]);
                list.Add(new FunnelStep(parsed.Activities, parsed.Conditions)
                {
                    IsOptional = optionalSteps.Contains(i + 1),
                    Window = i == 0 ? null : windows.TryGetValue(i + 1, out var w) ? w : everyStep,
                });
            }

            var exclusions = new List<FunnelExclusion>();
            foreach (var text in parse.GetValue(exclude) ?? [])
            {
                exclusions.Add(new FunnelExclusion(FunnelStep.Parse(text)));
            }

            var definition = new FunnelDefinition(list)
            {
                Exclusions = exclusions,
                Window = parse.GetValue(window) is { } windowText ? ParseDuration(windowText, "--window") : null,
                StrictOrder = parse.GetValue(strict),
                Breakdown = parse.GetValue(by),
            };
            definition.Validate();
            return definition;
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>The first step or exclusion activity the log does not have, with a did-you-mean; null when all exist.</summary>
    private static string? UnknownActivity(FunnelDefinition definition, EventLog log) =>
        NameCheck.FirstUnknown(log, definition.Steps.Select((step, i) => (Where: $"--step {i + 1}", step.Activities))
            .Concat(definition.Exclusions.Select(e => (Where: "--exclude", e.Event.Activities))));

    private static Table NewStepTable() =>
        new("Funnel", "Breakdown", "Step", "Label", "Entered", "Converted", "Dropped off", "Conversion from previous",
            "Conversion from first", "Median time from first (h)", "P90 time from first (h)", "Median time from previous (h)", "P90 time from previous (h)");

    private static void AddSteps(Table table, string? value, IReadOnlyList<FunnelStepResult> steps)
    {
        foreach (var s in steps)
        {
            table.Add(value, s.Index + 1, s.Label, s.Entered, s.Converted, s.DroppedOff, Human.Share(s.ConversionFromPrevious), Human.Share(s.ConversionFromFirst),
                Human.Duration(Hours(s.MedianTimeFromFirst), DurationUnit.Hours), Human.Duration(Hours(s.P90TimeFromFirst), DurationUnit.Hours),
                Human.Duration(Hours(s.MedianTimeFromPrevious), DurationUnit.Hours), Human.Duration(Hours(s.P90TimeFromPrevious), DurationUnit.Hours));
        }
    }

    private static double? Hours(TimeSpan? value) => value?.TotalHours;
}
