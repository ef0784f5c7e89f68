using System.Globalization;
using System.Text;
using Journeyscope.Kpis;

namespace Journeyscope.Reports;

public static partial class HtmlReport
{
    private static string KpiSection(ReportData data)
    {
        if (data.Kpis is not { } kpis)
        {
            return Section("kpis", "KPIs", "<p class=\"empty\">No designed journey, so no KPIs.</p>");
        }

        if (kpis.Kpis.Count == 0)
        {
            return Section("kpis", "KPIs", $"<p class=\"empty\">Journey '{Encode(kpis.Journey)}' defines no KPIs.</p>");
        }

        var table = new HtmlTable("kpi-table", "KPI", "Value", "Target", "Status", "Cases measured", "Definition");
        foreach (var k in kpis.Kpis)
        {
            table.Row(k.Name, k.FormattedValue, k.Target ?? "–", Status(k.Status), Count(k.SampleSize), k.Definition);
        }

        return Section("kpis", "KPIs", $"<p class=\"meta\">Journey '{Encode(kpis.Journey)}', {Count(kpis.Cases)} cases.</p>{table}");
    }

    private static string AgendaSection(ReportData data)
    {
        if (data.Agenda is not { } agenda)
        {
            return Section("agenda", "Improvement agenda", "<p class=\"empty\">No designed journey with KPIs, so no agenda.</p>");
        }

        var table = new HtmlTable("agenda-table", "Rank", "Opportunity", "Touchpoint", "Customers", "Effect (95 % interval)", "Value per period", "Effort", "Score");
        foreach (var o in agenda.Opportunities)
        {
            table.Row(o.Rank, o.Title, o.Touchpoint ?? "–", Count(o.CustomersAffected), Journeyscope.Agenda.AgendaExport.Effect(Journeyscope.Agenda.AgendaExport.Lead(o)),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{o.ValuePerPeriod.Value:0.##} {o.ValuePerPeriod.Unit}"), o.Effort,
                o.Score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        }

        return Section("agenda", "Improvement agenda",
            $"<p class=\"meta\">Ranking: {Encode(agenda.Formula)}. {Encode(Journeyscope.Agenda.AgendaExport.Affected(agenda))}.</p>{table}");
    }

    private static string ConformanceSection(ReportData data)
    {
        if (data.Conformance is not { } c)
        {
            return Section("conformance", "Conformance and deviations",
                "<p class=\"empty\">No designed journey with a flow, so no conformance check.</p>");
        }

        var html = new StringBuilder()
            .Append("<p class=\"meta\">Journey '").Append(Encode(c.JourneyId)).Append("': ")
            .Append(Count(c.FittingCases)).Append(" of ").Append(Count(c.Cases)).Append(" cases (").Append(Percent(c.ConformanceRate))
            .Append(") follow the designed flow; mean fitness ").Append(c.MeanFitness.ToString("0.000", CultureInfo.InvariantCulture)).Append(".</p>");
        var touchpoints = new HtmlTable("touchpoint-table", "Touchpoint", "Stage", "Cases", "Skipped", "Inserted", "Out of order", "Repeated", "Deviation rate", "Status");
        foreach (var t in c.Touchpoints)
        {
            touchpoints.Row(t.Name, t.Stage, Count(t.Cases), Count(t.Skipped), Count(t.Inserted), Count(t.OutOfOrder), Count(t.Repeated),
                Percent(t.DeviationRate), t.Status.ToString().ToLowerInvariant());
        }

        html.Append("<h3>Deviations per touchpoint</h3>").Append(touchpoints);
        var patterns = new HtmlTable("pattern-table", "Deviation pattern", "Cases", "Share", "Example cases");
        foreach (var p in c.Patterns)
        {
            patterns.Row(p.Pattern, Count(p.Cases), Percent(p.Share), string.Join(", ", p.ExampleCases));
        }

        html.Append("<h3>Most frequent deviation patterns</h3>").Append(c.Patterns.Count == 0 ? "<p class=\"empty\">No deviations.</p>" : patterns.ToString());
        if (c.Undesigned.Count > 0)
        {
            var undesigned = new HtmlTable("undesigned-table", "From", "To", "Times", "Cases");
            foreach (var e in c.Undesigned)
            {
                undesigned.Row(e.From ?? "(start)", e.To ?? "(end)", Count(e.Count), Count(e.Cases));
            }

            html.Append("<h3>Transitions the design does not have</h3>").Append(undesigned);
        }

        return Section("conformance", "Conformance and deviations", html.ToString());
    }

    private static string MapSection(ReportData data)
    {
        var s = data.ProcessMap.Sliders;
        var caption = $"{Count(data.ProcessMap.Nodes.Count)} activities and {Count(data.ProcessMap.Edges.Count)} paths shown " +
            $"(activity slider {Percent(s.Activities)}, path slider {Percent(s.Paths)}; {Count(s.HiddenActivities)} activities and " +
            $"{Count(s.HiddenEdges)} paths hidden).";
        return Section("process-map", "Process map",
            $"<p class=\"meta\" id=\"map-caption\">{Encode(caption)}</p><div id=\"map\" role=\"img\" aria-label=\"Process map\"></div>" +
            "<img id=\"map-print\" alt=\"Process map\" />");
    }

    private static string VariantSection(ReportData data)
    {
        var table = new HtmlTable("variant-table", "#", "Cases", "Share", "Coverage", "Median duration", "Steps");
        foreach (var v in data.Variants.Variants)
        {
            table.Row(v.Rank, Count(v.Cases), Percent(v.Share), Percent(v.Coverage), Duration(v.MedianDurationSeconds), string.Join(" → ", v.Activities));
        }

        return Section("variants", "Variants",
            $"<p class=\"meta\">The {Count(data.Variants.Variants.Count)} most frequent of {Count(data.Variants.VariantCount)} variants.</p>" +
            $"{table}<div id=\"coverage\" class=\"chart\"></div>");
    }

    private static string ValueStreamSection() => Section("value-stream", "Value stream", "<div id=\"vsm\"></div>");

    private static string FunnelSection(ReportData data)
    {
        if (data.Funnel is not { } funnel)
        {
            return Section("funnel", "Funnel", "<p class=\"empty\">No funnel: the log has no events.</p>");
        }

        var table = new HtmlTable("funnel-table", "Step", "Activity", "Entered", "Converted", "Dropped off", "From previous", "From first", "Median time from previous");
        foreach (var s in funnel.Steps)
        {
            table.Row(s.Step, s.Label, Count(s.Entered), Count(s.Converted), Count(s.DroppedOff), Percent(s.ConversionFromPrevious),
                Percent(s.ConversionFromFirst), Duration(s.MedianSecondsFromPrevious));
        }

        return Section("funnel", "Funnel", $"{table}<div id=\"funnel-chart\" class=\"chart\"></div>");
    }

    private static string VocSection(ReportData data)
    {
        var voc = data.Voc;
        var html = new StringBuilder()
            .Append("<p class=\"meta\">").Append(Count(voc.SurveyedCases)).Append(" surveyed cases, ").Append(Count(voc.UnhappyCases))
            .Append(" unhappy (NPS 0-6, CSAT 1-2 or CES 5-7); ").Append(Count(voc.Sentiment.Comments)).Append(" comments: ")
            .Append(Count(voc.Sentiment.Positive)).Append(" positive, ").Append(Count(voc.Sentiment.Neutral)).Append(" neutral, ")
            .Append(Count(voc.Sentiment.Negative)).Append(" negative.</p>");
        var surveys = new HtmlTable("survey-table", "Survey", "Scale", "Answers", "Score", "Mean", "Positive", "Middle", "Negative");
        foreach (var s in voc.Surveys)
        {
            surveys.Row(s.Survey, s.Scale.ToString().ToUpperInvariant(), Count(s.Answers), s.FormattedScore,
                s.Mean.ToString("0.00", CultureInfo.InvariantCulture), Count(s.Positive), Count(s.Middle), Count(s.Negative));
        }

        html.Append(voc.Surveys.Count == 0 ? "<p class=\"empty\">No survey answers.</p>" : surveys.ToString());
        var moments = new HtmlTable("moment-table", "Kind", "Step", "Unhappy with it", "Unhappy without", "Difference", "95% interval");
        foreach (var m in voc.Moments.Take(10))
        {
            moments.Row(m.Kind, m.Name, $"{Percent(m.UnhappyWith)} of {Count(m.CasesWith)}", $"{Percent(m.UnhappyWithout)} of {Count(m.CasesWithout)}",
                Percent(m.Difference), $"[{Percent(m.Lower)}, {Percent(m.Upper)}]");
        }

        html.Append("<h3>Moments that matter</h3>")
            .Append(voc.Moments.Count == 0 ? "<p class=\"empty\">Not enough surveyed cases to compare.</p>" : moments.ToString());
        return Section("voc", "Voice of the customer", html.ToString());
    }

    private static string Status(KpiStatus status) => status switch
    {
        KpiStatus.Met => "met",
        KpiStatus.Missed => "missed",
        KpiStatus.NoData => "no data",
        _ => "no target",
    };
}
