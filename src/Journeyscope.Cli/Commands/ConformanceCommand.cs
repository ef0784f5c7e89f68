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
        var model = new Option<string?>("--model") { Description = "A Petri net (PNML) to check the log against. Example: --model model.pnml" };
        var method = new Option<string>("--method")
        {
            Description = "'alignments' (exact, default). Example: --method alignments",
            DefaultValueFactory = _ => "alignments",
        };
        method.AcceptOnlyFromAmong("alignments");
        var by = new Option<string?>("--by") { Description = "Break fitness down by this case attribute. Example: --by channel" };
        var top = new Option<int>("--top") { Description = "Show the N most frequent variants (default 20).", DefaultValueFactory = _ => 20 };
        var command = new Command("conformance",
            "Conformance: how well the cases fit a model. With --model FILE.pnml: average trace fitness, log fitness and the\n" +
            "percentage of fitting traces (PM4Py's definitions; use --time-basis wall-clock to reproduce PM4Py), and each\n" +
            "variant's alignment cost.\n" +
            "Example: journeyscope conformance --model model.pnml --by channel --top 10 --format json")
        {
            model, method, by, top,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var n = parse.GetValue(top);
            if (n <= 0)
            {
                throw new UsageException($"--top must be positive, got {n}.");
            }

            var modelPath = parse.GetValue(model);
            if (modelPath is null)
            {
                throw new UsageException("Name what to check against: --model FILE.pnml.");
            }

            var net = PnmlReader.Read(modelPath);
            var log = source.Load(parse, cancellationToken);
            var attribute = parse.GetValue(by);
            if (attribute is not null && log.FindCaseAttribute(attribute) is null)
            {
                throw new UsageException($"There is no case attribute '{attribute}'. Case attributes: {string.Join(", ", log.CaseAttributes.Select(c => c.Name))}.");
            }

            AlignmentResult result;
            try
            {
                result = Alignments.Compute(log, net, cancellationToken: cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                context.Error.WriteLine($"error: {modelPath}: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            ModelReport(log, result, attribute, n).Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
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

        var segments = attribute is null ? [] : FitnessBy(log, result, attribute);
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
            cases = log.CaseCount,
            variant_count = result.Variants.Count,
            average_trace_fitness = result.AverageTraceFitness,
            log_fitness = result.LogFitness,
            percentage_of_fitting_traces = result.PercentageOfFittingTraces,
            variants = shown.Select((v, i) => new
            {
                rank = i + 1,
                cases = v.Cases.Count,
                cost = v.Alignment.Cost,
                fitness = v.Alignment.Fitness,
                activities = v.Activities,
                moves = v.Alignment.Moves.Select(m => new { kind = MoveName(m.Kind), label = m.Label, trace_position = m.TracePosition }),
            }),
            by = attribute,
            segments = segments.Select(s => new
            {
                value = s.Value,
                cases = s.Cases,
                fitting_cases = s.FittingCases,
                conformance_rate = s.ConformanceRate,
                mean_fitness = s.MeanFitness,
            }),
        };
        return report;
    }

    private static List<SegmentConformance> FitnessBy(EventLog log, AlignmentResult result, string attribute)
    {
        var column = log.FindCaseAttribute(attribute)!;
        var groups = new Dictionary<string, (int Cases, int Fitting, double Sum)>(StringComparer.Ordinal);
        for (var c = 0; c < log.CaseCount; c++)
        {
            var value = column.GetValue(c)?.ToString() ?? "(missing)";
            var alignment = result.ForCase(c);
            groups.TryGetValue(value, out var g);
            groups[value] = (g.Cases + 1, g.Fitting + (alignment.IsFitting ? 1 : 0), g.Sum + alignment.Fitness);
        }

        return groups
            .Select(g => new SegmentConformance("case:" + attribute, g.Key, g.Value.Cases, g.Value.Fitting, g.Value.Sum / g.Value.Cases))
            .OrderByDescending(s => s.Cases).ThenBy(s => s.Value, StringComparer.Ordinal)
            .ToList();
    }

    private static string Deviations(TraceAlignment alignment) => string.Join(" ", alignment.Moves
        .Where(m => m.Kind is MoveKind.LogMove or MoveKind.ModelMove)
        .Select(m => (m.Kind == MoveKind.LogMove ? "+" : "-") + m.Label));

    private static string MoveName(MoveKind kind) => kind switch
    {
        MoveKind.Synchronous => "sync",
        MoveKind.LogMove => "log",
        MoveKind.ModelMove => "model",
        _ => "silent",
    };
}
