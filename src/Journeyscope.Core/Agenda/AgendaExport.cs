using System.Globalization;
using System.Text;

namespace Journeyscope.Agenda;

/// <summary>The agenda as files people hand on: CSV, Markdown, and a CSV that issue trackers import (title, description, labels).</summary>
/// <remarks>The same text from the CLI (<c>--format csv|md|tracker</c>) and the API (<c>format=csv|md|tracker</c>).</remarks>
public static class AgendaExport
{
    /// <summary>One row per opportunity with its strongest significant effect.</summary>
    public static string Csv(AgendaResult agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var text = new StringBuilder("rank,id,kind,title,touchpoint,segment,customersAffected,casesAffected,share,effectKpi,effect,effectLow,effectHigh,method,valuePerPeriod,valueLow,valueHigh,unit,effort,score,rice\n");
        foreach (var o in agenda.Opportunities)
        {
            var e = Lead(o);
            text.AppendJoin(',',
                N(o.Rank), Quote(o.Id), o.Kind, Quote(o.Title), Quote(o.Touchpoint ?? string.Empty), Quote(Segment(o)), N(o.CustomersAffected), N(o.CasesAffected), N(o.Share),
                Quote(e?.Kpi ?? string.Empty), N(e?.Value), N(e?.Low), N(e?.High), Quote(e is null ? string.Empty : $"{e.Method}, {e.Basis}"),
                N(o.ValuePerPeriod.Value), N(o.ValuePerPeriod.Low), N(o.ValuePerPeriod.High), Quote(o.ValuePerPeriod.Unit), N(o.Effort), N(o.Score), N(o.Rice)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A Markdown table with the formula above it.</summary>
    public static string Markdown(AgendaResult agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Improvement agenda: {agenda.Journey}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{agenda.Cases} cases, value per {agenda.Period} in {agenda.ValueUnit}; {Affected(agenda)}.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Ranking: `{agenda.Formula}`\n\n");
        var byCustomer = agenda.CustomerAttribute is not null;
        text.Append(byCustomer
            ? "| Rank | Opportunity | Touchpoint | Segment | Customers | Cases | Effect (95 % interval) | Value per period | Effort | Score |\n|---:|---|---|---|---:|---:|---|---:|---:|---:|\n"
            : "| Rank | Opportunity | Touchpoint | Segment | Customers | Effect (95 % interval) | Value per period | Effort | Score |\n|---:|---|---|---|---:|---|---:|---:|---:|\n");
        foreach (var o in agenda.Opportunities)
        {
            var counts = byCustomer ? $"{o.CustomersAffected} | {o.CasesAffected}" : $"{o.CustomersAffected}";
            text.Append(CultureInfo.InvariantCulture,
                $"| {o.Rank} | {Cell(o.Title)} | {o.Touchpoint} | {Cell(Segment(o))} | {counts} | {Cell(Effect(Lead(o)))} | {Value(o.ValuePerPeriod)} | {N(o.Effort)} | {o.Score:0.##} |\n");
        }

        return text.ToString();
    }

    /// <summary>The columns GitHub, GitLab and Jira CSV imports read: <c>title,description,labels</c>, one issue per opportunity.</summary>
    public static string Tracker(AgendaResult agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var text = new StringBuilder("title,description,labels\n");
        foreach (var o in agenda.Opportunities)
        {
            var description = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"Rank {o.Rank} of the improvement agenda of journey '{agenda.Journey}' ({o.Id}).\n")
                .Append(agenda.CustomerAttribute is null
                    ? string.Create(CultureInfo.InvariantCulture, $"Customers affected: {o.CustomersAffected} ({o.Share:P1} of {agenda.Cases}), {o.CustomersPerPeriod:0.#} per {agenda.Period}.\n")
                    : string.Create(CultureInfo.InvariantCulture, $"Customers affected: {o.CustomersAffected} distinct ({agenda.CustomerAttribute}) in {o.CasesAffected} cases ({o.Share:P1} of {agenda.Cases}), {o.CustomersPerPeriod:0.#} cases per {agenda.Period}.\n"));
            foreach (var e in o.Effects.Where(e => e.Significant))
            {
                description.Append(CultureInfo.InvariantCulture, $"Effect on {Effect(e)}.\n");
            }

            foreach (var f in o.RootCauses)
            {
                description.Append(CultureInfo.InvariantCulture, $"Root cause: {f.Title} (the gap in {f.Rate:P1} of these customers vs {f.RateElsewhere:P1} of the others).\n");
            }

            description.Append(CultureInfo.InvariantCulture, $"Value per {agenda.Period}: {Value(o.ValuePerPeriod)}. Score {o.Score:0.##} ({agenda.Formula}).");
            var labels = new List<string> { "agenda", o.Kind };
            if (o.Touchpoint is not null)
            {
                labels.Add("touchpoint:" + o.Touchpoint);
            }

            text.AppendJoin(',', Quote(o.Title), Quote(description.ToString()), Quote(string.Join(',', labels))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The agenda's total in words: <c>1480 customers affected in total (each counted once)</c>, and with a <c>customer:</c>
    /// attribute also the cases (<c>912 distinct customers (customer_unique_id) in 1020 cases affected in total ...</c>).
    /// </summary>
    public static string Affected(AgendaResult agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        return agenda.CustomerAttribute is null
            ? string.Create(CultureInfo.InvariantCulture, $"{agenda.CustomersAffectedTotal} customers affected in total (each counted once)")
            : string.Create(CultureInfo.InvariantCulture, $"{agenda.CustomersAffectedTotal} distinct customers ({agenda.CustomerAttribute}) in {agenda.CasesAffectedTotal} cases affected in total (each counted once)");
    }

    /// <summary>The effect shown first: the most significant harmful one, adjusted before associational.</summary>
    public static AgendaEffect? Lead(AgendaOpportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        return opportunity.Effects
            .OrderByDescending(e => e.Significant && e.Harmful)
            .ThenByDescending(e => e.Basis == "adjusted")
            .ThenBy(e => e.QValue ?? 1)
            .FirstOrDefault();
    }

    /// <summary>An effect as people read it: <c>ces −2.05 [−2.28, −1.79] (mean difference, adjusted)</c>.</summary>
    public static string Effect(AgendaEffect? effect) => effect is null
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"{effect.Kpi} {effect.Value:0.###} [{effect.Low:0.###}, {effect.High:0.###}] ({effect.Method}, {effect.Basis})");

    private static string Segment(AgendaOpportunity o) => o.Segment is null ? string.Empty : $"{o.Segment.Attribute}={o.Segment.Value}";

    private static string Value(AgendaValue v) => string.Create(CultureInfo.InvariantCulture, $"{v.Value:0.##} [{v.Low:0.##}, {v.High:0.##}] {v.Unit}");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string N(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
