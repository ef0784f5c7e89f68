using Journeyscope.Canvas;
using Journeyscope.Conformance;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;
using Journeyscope.Kpis;
using Journeyscope.Performance;
using Journeyscope.Voc;

namespace Journeyscope.Reports;

/// <summary>
/// Computes a report's <see cref="ReportData"/>: each section with the same Core function and result record the API's
/// endpoint and the CLI's command use, so the report and the pages show one set of figures.
/// </summary>
public static class ReportBuilder
{
    /// <summary>Computes every section of the report of <paramref name="log"/>.</summary>
    /// <param name="log">The (filtered) log, in the time basis to measure in.</param>
    /// <param name="options">Sliders, journey, funnel and survey attributes; the defaults when null.</param>
    /// <param name="cancellationToken">Checked by each analysis.</param>
    /// <exception cref="ArgumentException">The options are invalid, or a funnel step names an activity the log lacks.</exception>
    /// <exception cref="KpiException">A KPI of the journey cannot be computed.</exception>
    /// <exception cref="KpiExpressionException">A custom KPI's expression is invalid.</exception>
    public static ReportData Build(EventLog log, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        options ??= ReportOptions.Default;
        options.Validate();
        var version = options.Version;
        var notes = new List<string>();

        var summary = LogSummary.From(log, DiscoveryResult.Discover(log, DiscoveryOptions.Default, cancellationToken), version);
        var map = ProcessMap.Build(log, new ProcessMapOptions { ActivityCoverage = options.ActivityShare, PathCoverage = options.PathShare }, cancellationToken);
        var processMap = ProcessMapResult.From(map, version, options.ActivityShare, options.PathShare, ProcessMapResult.ProcessingTimes(map.Statistics));
        var set = VariantSet.Discover(log, cancellationToken: cancellationToken);
        var variants = VariantsResult.From(set, log.TimeBasis, version, options.TopVariants);
        var counts = set.Variants.Select(v => (long)v.CaseCount).ToList();
        var journey = options.Journey;
        var stream = PerformanceResult.Analyze(log, version, ValueStreamOptions.Default, Granularity.Week, journey, cancellationToken);
        JourneyKpis? kpis = null;
        JourneyConformanceResult? conformance = null;
        if (journey is null)
        {
            notes.Add("No designed journey was chosen, so the report has no KPIs, conformance or deviations.");
        }
        else
        {
            kpis = JourneyKpis.Compute(log, journey, version, JourneyKpis.DefaultPeriod, cancellationToken: cancellationToken);
            if (journey.Flow is null)
            {
                notes.Add($"Journey '{journey.Id}' has no designed flow, so the report has no conformance or deviations.");
            }
            else
            {
                conformance = JourneyConformanceResult.From(
                    JourneyConformance.Check(log, journey, JourneyConformanceResult.Options(), cancellationToken), version);
            }
        }

        var funnel = Funnel(log, options.FunnelSteps ?? DefaultFunnel(variants), version, cancellationToken);
        if (funnel is null)
        {
            notes.Add("The log has no events, so the report has no funnel.");
        }

        var voc = VocResult.Analyze(log, version, new VocOptions
        {
            ScoreAttribute = options.ScoreAttribute,
            CommentAttribute = options.CommentAttribute,
            Journey = journey,
        }, cancellationToken: cancellationToken);
        if (log.FindEventAttribute(options.ScoreAttribute) is null)
        {
            notes.Add($"The events have no '{options.ScoreAttribute}' attribute, so the report has no survey answers.");
        }

        if (journey is not null && Journeyscope.Agenda.AgendaAnalysis.CustomerProblem(log, journey) is { } problem)
        {
            // The report still shows the agenda, counting each case as a customer, and says why.
            notes.Add(problem + " Each case is counted as a customer.");
            journey = journey with { Customer = null };
        }

        Journeyscope.Agenda.AgendaResult? agenda;
        CanvasResult? canvas;
        if (journey is { Kpis.Count: > 0 } && log.CaseCount > 0)
        {
            // One agenda computation for both: its top 10 with root causes (GET …/agenda) and the canvas's top 20 without
            // (GET …/canvas), each equal to the API's.
            var defaults = Journeyscope.Agenda.AgendaOptions.Default;
            var views = Journeyscope.Agenda.AgendaAnalysis.ComputeViews(log, journey, version, defaults,
                [(defaults.Top, defaults.RootCauses), (JourneyCanvas.DefaultTop, 0)], cancellationToken);
            (agenda, canvas) = (views[0], JourneyCanvas.Build(journey, views[1]));
        }
        else
        {
            agenda = journey is { Kpis.Count: > 0 } ? Journeyscope.Agenda.AgendaAnalysis.Compute(log, journey, version, null, cancellationToken) : null;
            canvas = journey is null ? null : JourneyCanvas.Compute(log, journey, version, cancellationToken: cancellationToken);
        }

        return new ReportData(options.Title, options.GeneratedAt, options.Filters, log.TimeBasis, summary, processMap, variants, counts, stream,
            kpis, conformance, funnel, voc, notes)
        {
            Agenda = agenda,
            Canvas = canvas,
        };
    }

    /// <summary>The funnels page's starting funnel: the first distinct activities of the most frequent variant.</summary>
    public static IReadOnlyList<string> DefaultFunnel(VariantsResult variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return variants.Variants.Count == 0
            ? []
            : [.. variants.Variants[0].Activities.Distinct(StringComparer.Ordinal).Take(ReportOptions.DefaultFunnelSteps)];
    }

    private static FunnelReport? Funnel(EventLog log, IReadOnlyList<string> steps, long version, CancellationToken cancellationToken)
    {
        if (steps.Count == 0)
        {
            return null;
        }

        foreach (var step in steps)
        {
            if (log.FindActivity(step) < 0)
            {
                throw new ArgumentException(
                    $"The funnel step '{step}' is not an activity of the log.{NameSuggestions.Hint(step, log.ActivityNames)}");
            }
        }

        var definition = new FunnelDefinition(steps.Select(s => new FunnelStep([s])));
        return FunnelReport.From(FunnelAnalysis.Compute(log, definition, cancellationToken), log.TimeBasis, version);
    }
}
