using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;
using Journeyscope.TestSupport;

namespace Journeyscope.Reference.Tests;

/// <summary>
/// Acceptance on real data: the Olist marketing funnel (8,000 MQLs, 842 closed deals). The funnel MQL first contact ->
/// deal closed, broken down by acquisition channel (<c>origin</c>), must equal a direct LINQ computation over the raw CSVs.
/// </summary>
public sealed class OlistMarketingFunnelTests
{
    private const string Folder = "datasets/olist_marketing_funnel/";

    [Fact]
    public void Funnel_OlistByOrigin_EqualsDirectComputationOverTheCsv()
    {
        // Given the raw rows: first contact dates are dd-mm-yyyy (re-formatted by a spreadsheet), won dates ISO
        var leads = Rows(SharedData.Path(Folder + "olist_marketing_qualified_leads_dataset.csv"))
            .Select(r => (Id: r[0], Contact: DateTime.ParseExact(r[1], "dd-MM-yyyy", CultureInfo.InvariantCulture), Origin: r[3].Length == 0 ? null : r[3]))
            .ToList();
        var deals = Rows(SharedData.Path(Folder + "olist_closed_deals_dataset.csv"))
            .Select(r => (Id: r[0], Won: DateTime.ParseExact(r[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)))
            .ToList();
        var log = BuildLog(leads, deals);

        // When
        var result = FunnelAnalysis.Compute(
            log,
            new FunnelDefinition([new FunnelStep("MQL first contact"), new FunnelStep("Deal closed")]) { Breakdown = "origin" },
            TestContext.Current.CancellationToken);

        // Then: per origin, leads and leads with a deal won on or after the first contact, counted directly
        var wonAt = deals.ToDictionary(d => d.Id, d => d.Won);
        var expected = leads
            .GroupBy(l => l.Origin)
            .ToDictionary(
                g => g.Key ?? "(none)",
                g => (Leads: (long)g.Count(), Won: (long)g.Count(l => wonAt.TryGetValue(l.Id, out var won) && won >= l.Contact)));
        deals.Count(d => leads.Any(l => l.Id == d.Id)).ShouldBe(842);
        result.Breakdown.Count.ShouldBe(expected.Count);
        foreach (var group in result.Breakdown)
        {
            var (leadCount, won) = expected[group.Value ?? "(none)"];
            group.Steps[0].Entered.ShouldBe(leadCount, group.Value);
            group.Steps[1].Entered.ShouldBe(won, group.Value);
            group.Steps[1].ConversionFromFirst.ShouldBe((double)won / leadCount, 1e-12, group.Value);
        }

        result.Steps[0].Entered.ShouldBe(leads.Count);
        result.Steps[1].Entered.ShouldBe(expected.Values.Sum(v => v.Won));
        result.Steps[1].MedianTimeFromFirst.ShouldNotBeNull();
    }

    private static EventLog BuildLog(
        List<(string Id, DateTime Contact, string? Origin)> leads, List<(string Id, DateTime Won)> deals)
    {
        var builder = new EventLogBuilder();
        foreach (var lead in leads)
        {
            builder.AddEvent(lead.Id, "MQL first contact", DateTime.SpecifyKind(lead.Contact, DateTimeKind.Utc).Ticks);
            if (lead.Origin is not null)
            {
                builder.SetCaseAttribute(lead.Id, "origin", AttributeValue.FromString(lead.Origin));
            }
        }

        foreach (var deal in deals)
        {
            builder.AddEvent(deal.Id, "Deal closed", DateTime.SpecifyKind(deal.Won, DateTimeKind.Utc).Ticks);
        }

        return builder.Build();
    }

    /// <summary>The data rows; only the leading columns are read, which hold no quoted commas in these files.</summary>
    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(line => line.Split(',', 6));
}
