using Journeyscope.Agenda;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Canvas;

/// <summary>
/// Builds the lifecycle canvas of a journey (docs/canvas.md): each stage's canvas from the YAML with the agenda's measured
/// opportunities at its touchpoints beside the workshop's notes, and the capability heat map over the blueprint.
/// </summary>
/// <remarks>A pure function of the journey and its agenda. Thread-safe.</remarks>
public static class JourneyCanvas
{
    /// <summary>The lanes as written in YAML, in <see cref="BlueprintLane"/> order.</summary>
    private static readonly string[] LaneNames = ["customer-action", "frontstage", "backstage", "support", "physical-evidence"];

    /// <summary>How many of the agenda's opportunities the canvas places by default (more than the agenda's own top 10, so every stage gets its share).</summary>
    public const int DefaultTop = 20;

    /// <summary>
    /// The canvas of <paramref name="journey"/> with the agenda of <paramref name="log"/> (its top <paramref name="top"/>
    /// opportunities at least <paramref name="minimumSupport"/> cases strong, other agenda settings at their defaults, no
    /// root causes): what the CLI, the API and the page show.
    /// </summary>
    /// <param name="log">The (filtered) log, or <c>null</c> (or empty) when the workspace has no events: the notes only.</param>
    /// <param name="journey">The designed journey.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="top">How many opportunities to place.</param>
    /// <param name="minimumSupport">The agenda's minimum support (cases per gap).</param>
    /// <param name="cancellationToken">Cancels the agenda.</param>
    /// <exception cref="Kpis.KpiException">A KPI of the journey is misconfigured.</exception>
    public static CanvasResult Compute(
        EventLog? log, DesignedJourney journey, long version = 0, int top = DefaultTop, int minimumSupport = 30, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumSupport);
        var agenda = log is null || log.CaseCount == 0
            ? null
            : AgendaAnalysis.Compute(
                log,
                AgendaAnalysis.CustomerProblem(log, journey) is null ? journey : journey with { Customer = null }, // the canvas places gaps, it does not count customers
                version,
                new AgendaOptions { Top = top, MinimumSupport = minimumSupport, RootCauses = 0 },
                cancellationToken);
        return Build(journey, agenda);
    }

    /// <summary>The canvas of <paramref name="journey"/>; <paramref name="agenda"/> supplies the measured opportunities.</summary>
    /// <param name="journey">The designed journey.</param>
    /// <param name="agenda">Its agenda, or <c>null</c> when there are no events to measure (the canvas then holds the notes only).</param>
    public static CanvasResult Build(DesignedJourney journey, AgendaResult? agenda)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var notes = new List<string>();
        var opportunities = agenda?.Opportunities ?? [];
        if (agenda is null)
        {
            notes.Add("No events: the canvas shows the workshop's notes only; import events for the measured opportunities.");
        }

        var stageOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var touchpoint in journey.Touchpoints)
        {
            stageOf.TryAdd(touchpoint.Id, touchpoint.Stage);
        }

        var stages = new List<CanvasStage>(journey.Stages.Count);
        foreach (var stage in journey.Stages)
        {
            var canvas = stage.Canvas;
            stages.Add(new CanvasStage(
                stage.Id,
                stage.Name,
                [.. journey.Touchpoints.Where(t => t.Stage == stage.Id).Select(t => t.Id)],
                canvas?.CustomerActions ?? [],
                canvas?.Frontstage ?? [],
                canvas?.Backstage ?? [],
                canvas?.Opportunities ?? [],
                canvas?.ValueProposition,
                [.. opportunities.Where(o => o.Touchpoint is { } t && stageOf.GetValueOrDefault(t) == stage.Id)]));
        }

        if (journey.Stages.All(s => s.Canvas is null))
        {
            notes.Add("No stage has a canvas yet: add 'canvas:' to the stages of the journey YAML (docs/canvas.md).");
        }

        var unplaced = opportunities.Where(o => o.Touchpoint is null || !stageOf.ContainsKey(o.Touchpoint)).ToList();
        return new CanvasResult(journey.Id, journey.Name, stages, Map(journey, opportunities), unplaced, agenda?.ValueUnit, agenda?.Period, notes);
    }

    private static CapabilityMap Map(DesignedJourney journey, IReadOnlyList<AgendaOpportunity> opportunities)
    {
        var stageOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < journey.Stages.Count; i++)
        {
            stageOrder.TryAdd(journey.Stages[i].Id, i);
        }

        var rows = journey.Touchpoints
            .Select((t, index) => (Touchpoint: t, Index: index))
            .OrderBy(x => stageOrder.GetValueOrDefault(x.Touchpoint.Stage, int.MaxValue))
            .ThenBy(x => x.Touchpoint.Lane)
            .ThenBy(x => x.Index)
            .Select(x => Row(x.Touchpoint, opportunities))
            .ToList();
        return new CapabilityMap(CapabilityLevels.KindNames, CapabilityLevels.Names, rows);
    }

    private static CapabilityMapRow Row(Touchpoint touchpoint, IReadOnlyList<AgendaOpportunity> opportunities)
    {
        var cells = new List<CapabilityMapCell>(CapabilityLevels.KindNames.Count);
        for (var k = 0; k < CapabilityLevels.KindNames.Count; k++)
        {
            var kind = (CapabilityKind)k;
            var ofKind = touchpoint.Capabilities.Where(c => c.Kind == kind).OrderBy(c => c.Readiness).ToList();
            int? readiness = ofKind.Count == 0 ? null : ofKind[0].Readiness;
            cells.Add(new CapabilityMapCell(CapabilityLevels.KindNames[k], readiness, readiness is { } r ? CapabilityLevels.Name(r) : null, ofKind));
        }

        var lane = LaneNames[(int)touchpoint.Lane];
        return new CapabilityMapRow(touchpoint.Id, touchpoint.Name, touchpoint.Stage, lane, cells,
            opportunities.Count(o => string.Equals(o.Touchpoint, touchpoint.Id, StringComparison.Ordinal)));
    }
}
