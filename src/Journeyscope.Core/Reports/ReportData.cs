using Journeyscope.Conformance;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;
using Journeyscope.Kpis;
using Journeyscope.Performance;
using Journeyscope.Voc;

namespace Journeyscope.Reports;

/// <summary>
/// Everything an HTML report shows, made of the result records the API serves (embedded in the report as JSON, so the
/// report's figures are the API's).
/// </summary>
/// <param name="Title">The report's title.</param>
/// <param name="Generated">When the report was made.</param>
/// <param name="Filters">The filters of the log, as written.</param>
/// <param name="TimeBasis">The time basis of every duration.</param>
/// <param name="Summary">Cases, events, activities, variants and case durations (as <c>GET …/summary</c>).</param>
/// <param name="ProcessMap">The process map with the report's sliders (as <c>GET …/process-map</c>).</param>
/// <param name="Variants">The most frequent variants (as <c>GET …/variants</c>).</param>
/// <param name="VariantCounts">The case count of every variant, most frequent first (the coverage curve).</param>
/// <param name="ValueStream">Lead, processing and waiting time per step in process order (as <c>GET …/performance</c>).</param>
/// <param name="Kpis">The journey's KPIs (as <c>GET …/journeys/{id}/kpis</c>), or null without a journey.</param>
/// <param name="Conformance">Conformance and deviations (as <c>GET …/journeys/{id}/conformance</c>), or null without a journey with a flow.</param>
/// <param name="Funnel">The funnel (as <c>POST …/funnels</c>), or null when the log has no events.</param>
/// <param name="Voc">Surveys, sentiment and the moments that matter (as <c>GET …/voc</c>).</param>
/// <param name="Notes">Why a section is empty or left out, in the user's words.</param>
public sealed record ReportData(
    string Title,
    DateTimeOffset Generated,
    IReadOnlyList<string> Filters,
    TimeBasis TimeBasis,
    LogSummary Summary,
    ProcessMapResult ProcessMap,
    VariantsResult Variants,
    IReadOnlyList<long> VariantCounts,
    PerformanceResult ValueStream,
    JourneyKpis? Kpis,
    JourneyConformanceResult? Conformance,
    FunnelReport? Funnel,
    VocResult Voc,
    IReadOnlyList<string> Notes)
{
    /// <summary>The improvement agenda of the journey (as <c>GET …/agenda</c>, no adjustment), or null without a journey with KPIs.</summary>
    public Journeyscope.Agenda.AgendaResult? Agenda { get; init; }

    /// <summary>
    /// The lifecycle canvas per stage and the capability heat map of the journey (as <c>GET …/journeys/{id}/canvas</c> with its
    /// defaults), or null without a journey.
    /// </summary>
    public Journeyscope.Canvas.CanvasResult? Canvas { get; init; }
}
