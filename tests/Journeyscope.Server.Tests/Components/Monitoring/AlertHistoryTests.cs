using Bunit;
using Journeyscope.Monitoring;
using Journeyscope.Server.Components.Monitoring;

namespace Journeyscope.Server.Tests.Components.Monitoring;

/// <summary>The Monitoring page's alert history: newest first, 25 per page, filtered by KPI and kind.</summary>
public sealed class AlertHistoryTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AlertHistory_SixtyAlertsInAnyOrder_NewestFirstTwentyFivePerPage()
    {
        // Given 60 alerts over 60 weeks, handed over oldest first
        using var context = new FakeApi().Context();
        var alerts = Enumerable.Range(0, 60).Select(i => Alert(i, i % 3 == 0 ? "Conversion" : "CSAT", i % 2 == 0 ? AlertKind.Anomaly : AlertKind.Threshold)).ToList();

        // When the history is shown
        var cut = context.Render<AlertHistory>(p => p.Add(x => x.Ws, "demo").Add(x => x.Items, alerts));

        // Then the first page has the 25 newest periods, newest first, and says so
        Periods(cut).ShouldBe(Enumerable.Range(35, 25).Reverse().Select(Week).ToList());
        cut.Find("[data-testid=alert-count]").TextContent.ShouldBe("1–25 of 60 alerts, newest first");
        cut.Find("[data-testid=alert-page]").TextContent.ShouldBe("Page 1 of 3");
        cut.Find("[data-testid=alert-newer]").HasAttribute("disabled").ShouldBeTrue();

        // And Older pages on to the next 25, the last page holds the 10 oldest
        cut.Find("[data-testid=alert-older]").Click();
        Periods(cut).ShouldBe(Enumerable.Range(10, 25).Reverse().Select(Week).ToList());
        cut.Find("[data-testid=alert-older]").Click();
        Periods(cut).ShouldBe(Enumerable.Range(0, 10).Reverse().Select(Week).ToList());
        cut.Find("[data-testid=alert-older]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void AlertHistory_FilterByKpiAndKind_OnlyThoseFromTheFirstPage()
    {
        // Given 60 alerts of two KPIs and two kinds, shown on their third page
        using var context = new FakeApi().Context();
        var alerts = Enumerable.Range(0, 60).Select(i => Alert(i, i % 3 == 0 ? "Conversion" : "CSAT", i % 2 == 0 ? AlertKind.Anomaly : AlertKind.Threshold)).ToList();
        var cut = context.Render<AlertHistory>(p => p.Add(x => x.Ws, "demo").Add(x => x.Items, alerts));
        cut.Find("[data-testid=alert-older]").Click();

        // When the KPI filter picks Conversion, then the kind filter anomaly
        cut.Find("[data-testid=alert-kpi]").Change("Conversion");
        Periods(cut).ShouldBe(Enumerable.Range(0, 60).Where(i => i % 3 == 0).Reverse().Select(Week).ToList());
        cut.FindAll("[data-testid=alert-pager]").ShouldBeEmpty();
        cut.Find("[data-testid=alert-kind]").Change(nameof(AlertKind.Anomaly));

        // Then only Conversion anomalies are listed, newest first, from the first page
        Periods(cut).ShouldBe(Enumerable.Range(0, 60).Where(i => i % 6 == 0).Reverse().Select(Week).ToList());
        cut.FindAll("[data-testid=monitoring-alert]").ShouldAllBe(r => r.TextContent.Contains("Conversion") && r.TextContent.Contains("anomaly"));
        cut.Find("[data-testid=alert-count]").TextContent.ShouldBe("1–10 of 10 alerts, newest first");
    }

    private static List<string> Periods(IRenderedComponent<AlertHistory> cut) =>
        cut.FindAll("[data-testid=monitoring-alert]").Select(r => r.GetAttribute("data-period")!).ToList();

    private static string Week(int i) => Start.AddDays(7 * i).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static KpiAlert Alert(int week, string kpi, AlertKind kind) => new(
        $"weekly/{kpi}/{kind}/{week}", "weekly", "retail", kpi.ToLowerInvariant(), kpi, kind, Start.AddDays(7 * week), Start.AddDays(7 * (week + 1)),
        0.5, 0.6, 0.55, 0.65, 100, null, null, null, "during 2025-01-06..2025-01-13", $"{kpi} moved in week {week}", Start.AddDays(7 * (week + 1)));
}
