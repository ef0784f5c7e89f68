using System.CommandLine;
using System.Globalization;
using System.Text;
using Journeyscope.IO.Journeys;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Reports;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope report</c>: one self-contained HTML file with KPIs, conformance and deviations, the process map (with
/// the sliders), variants, value stream, a funnel and the voice of the customer: <see cref="ReportBuilder"/> and
/// <see cref="HtmlReport"/>, the same builder the server's "Download report" uses.
/// </summary>
internal static class ReportCommand
{
    private const string BundleResource = "journeyscope.js";

    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var output = new Option<FileInfo>("--out", "-o") { Description = "The HTML file to write. Example: --out report.html", Required = true };
        var top = new Option<int>("--top")
        {
            Description = $"How many variants the report lists (default {ReportOptions.Default.TopVariants}).",
            DefaultValueFactory = _ => ReportOptions.Default.TopVariants,
        };
        var activities = new Option<double>("--activities")
        {
            Description = "The map's activity slider: keep the most frequent activities covering this share of events, 0..1 (default 1). Example: --activities 0.8",
            DefaultValueFactory = _ => 1.0,
        };
        var paths = new Option<double>("--paths")
        {
            Description = "The map's path slider: keep the most frequent paths covering this share of transitions, 0..1 (default 1).",
            DefaultValueFactory = _ => 1.0,
        };
        var journey = new Option<string?>("--journey", "-j")
        {
            Description = "The journey file whose KPIs, conformance and moments the report shows (default: the first valid one in the workspace's journeys/ folder).",
        };
        var step = new Option<string[]>("--funnel-step")
        {
            Description = "A funnel step, one activity (repeatable, in order; default: the first 4 activities of the most frequent variant). " +
                "Example: --funnel-step \"Visit site\" --funnel-step Pay",
            AllowMultipleArgumentsPerToken = false,
        };
        var score = new Option<string>("--score-attribute") { Description = "The event attribute with survey answers (default score).", DefaultValueFactory = _ => "score" };
        var comment = new Option<string>("--comment-attribute") { Description = "The event attribute with comments (default comment).", DefaultValueFactory = _ => "comment" };
        var command = new Command("report",
            "A self-contained HTML report (no server, no internet needed; prints to PDF from a browser): KPIs, conformance and deviations, " +
            "process map, variants, value stream, funnel and voice of the customer.\n" +
            "Example: journeyscope report --workspace ./receipt --out report.html --activities 0.8 --paths 0.5 --filter \"variants coverage 80%\"")
        {
            output, top, activities, paths, journey, step, score, comment,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var n = parse.GetValue(top);
            if (n < 1)
            {
                throw new UsageException("--top takes a positive number of variants.");
            }

            var (activityShare, pathShare) = (parse.GetValue(activities), parse.GetValue(paths));
            if (!(activityShare is >= 0 and <= 1) || !(pathShare is >= 0 and <= 1))
            {
                throw new UsageException("--activities and --paths take a share between 0 and 1.");
            }

            var designed = Journey(parse.GetValue(journey), parse.GetRequiredValue(context.Workspace));
            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            if (designed is not null && NameCheck.UnknownKpiNames(log, designed) is { } unknownNames)
            {
                // The same check as `kpi`: a report must not show noData for a KPI whose activity is misspelt.
                context.Error.WriteLine($"error: {unknownNames}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var steps = parse.GetValue(step) is { Length: > 0 } given ? given : null;
            var options = new ReportOptions
            {
                ActivityShare = activityShare,
                PathShare = pathShare,
                TopVariants = n,
                Journey = designed,
                FunnelSteps = steps,
                ScoreAttribute = parse.GetRequiredValue(score),
                CommentAttribute = parse.GetRequiredValue(comment),
                Filters = parse.GetValue(source.Filters) ?? [],
                Version = version,
                GeneratedAt = TimeProvider.System.GetUtcNow(),
            };
            ReportData data;
            try
            {
                data = ReportBuilder.Build(log, options, cancellationToken);
            }
            catch (ArgumentException e)
            {
                throw new IOException(e.Message, e);
            }
            catch (Exception e) when (e is KpiException or KpiExpressionException)
            {
                throw new IOException($"Journey '{designed?.Id}' has KPIs that cannot be computed: {e.Message} See docs/kpis.md.", e);
            }

            var file = parse.GetRequiredValue(output);
            File.WriteAllText(file.FullName, HtmlReport.Render(data, Bundle()), new UTF8Encoding(false));
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {file.FullName} ({log.CaseCount:N0} cases, {log.EventCount:N0} events{(designed is null ? "" : $", journey '{designed.Id}'")})."));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>The journey given, else the first valid journey of the workspace, else none.</summary>
    private static DesignedJourney? Journey(string? file, string workspace)
    {
        if (file is not null)
        {
            return JourneyFiles.ReadValid(file);
        }

        var folder = Path.Combine(workspace, JourneyFiles.FolderName);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        foreach (var path in JourneyRepository.Files(folder))
        {
            var read = JourneyFiles.Read(path);
            if (read.Journey is not null && !JourneyValidator.Validate(read).Any(d => d.IsError))
            {
                return read.Journey;
            }
        }

        return null;
    }

    private static string Bundle()
    {
        using var stream = typeof(ReportCommand).Assembly.GetManifestResourceStream(BundleResource)
            ?? throw new InvalidOperationException("The web UI bundle is not embedded in this build of journeyscope (build src/Journeyscope.Server first).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
