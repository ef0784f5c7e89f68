using System.CommandLine;
using System.Globalization;
using Journeyscope.Agenda;
using Journeyscope.Cli.Output;
using Journeyscope.Filters;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope rootcause</c>: what the cases with an outcome have in common, ranked with intervals (docs/rootcause.md).</summary>
internal static class RootCauseCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var outcome = new Option<string[]>("--outcome")
        {
            Description = "The outcome as a filter (repeatable: all must hold), e.g. \"contains Retry payment\" or \"duration 5d..\". See docs/filters.md.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var by = new Option<string[]>("--by")
        {
            Description = "Attributes to consider (comma-separated or repeated; default: every case attribute, channel and resource). event.x lifts an event attribute.",
            AllowMultipleArgumentsPerToken = false,
        };
        var pairs = new Option<bool>("--pairs") { Description = "Also search pairs of conditions (a shallow subgroup search)." };
        var minSupport = new Option<int>("--min-support")
        {
            Description = "The fewest cases a group (and the rest) needs to be tested (default 30, or 1 % of the cases if larger).",
            DefaultValueFactory = _ => RootCauseOptions.Default.MinSupport,
        };
        var top = new Option<int>("--top") { Description = "Show the N best-ranked factors (default 20).", DefaultValueFactory = _ => RootCauseOptions.Default.Top };
        var command = new Command("rootcause",
            "Root cause: case attributes, channels, resources, entry paths and backstage waits ranked by how much more often the outcome happens with them " +
            "(risk difference with 95 % interval, lift, support, Benjamini-Hochberg q-value), and the hand-overs whose waits differ most.\n" +
            "Example: journeyscope rootcause --outcome \"follows Authorise payment -> Authorise payment\" --by device,channel")
        {
            outcome, by, pairs, minSupport, top,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var n = parse.GetValue(top);
            var support = parse.GetValue(minSupport);
            if (n <= 0 || support <= 0)
            {
                throw new UsageException($"--top and --min-support must be positive, got {n} and {support}.");
            }

            IReadOnlyList<LogFilter> filters;
            try
            {
                filters = FilterParser.ParseAll(parse.GetValue(outcome) ?? []);
            }
            catch (FilterParseException e)
            {
                throw new UsageException("--outcome: " + e.Message);
            }

            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            LogSource.RequireKnownActivities(log, filters, "--outcome");
            var names = (parse.GetValue(by) ?? []).SelectMany(b => b.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            foreach (var name in names)
            {
                var bare = name.StartsWith("case.", StringComparison.Ordinal) ? name[5..] : name.StartsWith("event.", StringComparison.Ordinal) ? name[6..] : name;
                if (NameCheck.UnknownAttribute(log, "--by", bare) is { } unknown)
                {
                    context.Error.WriteLine($"error: {unknown}");
                    return Task.FromResult(ExitCodes.BadInput);
                }
            }

            var options = new RootCauseOptions { By = names.Count == 0 ? null : names, Pairs = parse.GetValue(pairs), MinSupport = support, Top = n };
            var result = RootCauseAnalysis.Analyze(log, version, filters, options, cancellationToken);
            var report = new Report();
            var factors = new Table("Root cause", "Rank", "Factor", "Cases", "Outcome rate", "Rate elsewhere", "Difference", "95 % interval", "Lift", "q", "Explains");
            foreach (var f in result.Factors)
            {
                factors.Add(f.Rank, f.Title, (long)f.Cases, Human.Share(f.Rate), Human.Share(f.RateElsewhere), Points(f.RiskDifference),
                    $"{Points(f.Low)} .. {Points(f.High)}", f.Lift, f.QValue, f.Explains ? "yes" : "no");
            }

            report.Add(factors);
            var backstage = new Table("Backstage: waits that differ", "From", "To", "Outcome cases", "Other cases", "Mean wait, outcome (h)",
                "Mean wait, others (h)", "Difference (h)", "95 % interval (h)");
            foreach (var w in result.Backstage)
            {
                backstage.Add(w.From, w.To, (long)w.OutcomeCases, (long)w.OtherCases, Human.Duration(w.OutcomeMeanSeconds / 3600, DurationUnit.Hours),
                    Human.Duration(w.OtherMeanSeconds / 3600, DurationUnit.Hours), Hours(w.DifferenceSeconds), $"{Hours(w.Low)} .. {Hours(w.High)}");
            }

            report.Add(backstage);
            report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Outcome: {string.Join(" and ", result.Outcome)}: {result.OutcomeCases:N0} of {result.Cases:N0} cases ({Human.FormatShare(result.OutcomeRate)}). " +
                $"{result.Tested:N0} factors tested (min. support {result.MinSupport:N0}); 'explains' = Benjamini-Hochberg q <= 0.05. Associations, not adjusted."));
            report.Notes.AddRange(result.Notes);
            report.Json = result;
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>A risk difference in percentage points, signed.</summary>
    private static string Points(double difference) => (difference * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pp";

    private static string Hours(double seconds) => (seconds / 3600).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
}
