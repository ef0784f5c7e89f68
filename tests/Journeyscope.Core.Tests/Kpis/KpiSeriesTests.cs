using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using Journeyscope.Core.Tests.Partitions;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;

namespace Journeyscope.Core.Tests.Kpis;

public sealed class KpiSeriesTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static readonly KpiPeriod[] Periods = [KpiPeriod.None, KpiPeriod.Day, KpiPeriod.Week, KpiPeriod.Month, KpiPeriod.Quarter, KpiPeriod.Year];

    private static readonly string?[] SegmentAttributes = [null, "segment", "device", "no such attribute"];

    [Fact]
    public void Summarise_AnyPeriodSegmentsAndAsOf_EachCellEqualsOnePassOverItsPeriodAndSegment()
    {
        Gen.Int.Sample(seed =>
        {
            // Given a random log, a journey declaring every kind of KPI (and custom expressions), a period, a segment
            // attribute and an as-of moment inside or after the log (stocks count what is open at each period's end)
            var random = new Random(seed);
            var log = AnalysisLogs.Random(random, 150);
            var journey = JourneyKpiPartialTests.Journey(random);
            var period = Periods[random.Next(Periods.Length)];
            var by = SegmentAttributes[random.Next(SegmentAttributes.Length)] ?? (period == KpiPeriod.None ? "segment" : null);
            var options = new KpiOptions
            {
                Period = period,
                SegmentBy = by,
                AsOf = random.Next(2) == 0 ? null : new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(24 * 120)),
            };
            var asOf = KpiEngine.AsOf(log, options);
            var segments = by is null ? null : KpiSegments.Create(log, by);

            foreach (var definition in KpiEngine.Validate([.. journey.Kpis], journey))
            {
                // When the series is filled in one pass
                var measure = KpiMeasure.Create(log, journey, definition, options, asOf);
                var series = measure.Summarise(period, segments).Series;

                // Then its periods follow each other without gaps, and every cell is the value of one pass over the
                // observations (events, cases) of its period and segment
                var starts = series.Select(v => v.PeriodStart?.Ticks ?? long.MinValue).Distinct().ToList();
                var labels = segments is null ? [null] : segments.CaseLabels.Distinct(StringComparer.Ordinal).OrderBy(segments.Rank).ToList<string?>();
                series.Count.ShouldBe(starts.Count * labels.Count);
                var expected = new List<KpiValue>();
                for (var p = 0; p < starts.Count; p++)
                {
                    var end = period == KpiPeriod.None ? long.MaxValue : KpiPeriods.Next(starts[p], period);
                    if (p + 1 < starts.Count)
                    {
                        starts[p + 1].ShouldBe(end);
                    }

                    foreach (var label in labels)
                    {
                        Func<int, bool>? inSegment = label is null ? null : c => segments!.CaseLabels[c] == label;
                        expected.Add(measure.Value(period == KpiPeriod.None ? null : KpiPeriods.Label(starts[p], period), label, starts[p], end, inSegment));
                    }
                }

                JsonSerializer.Serialize(series, Exact).ShouldBe(JsonSerializer.Serialize(expected, Exact), definition.Kpi.Id);
            }
        });
    }

    [Fact]
    public void Compute_BacklogByMonth_CountsTicketsOpenAtEachMonthsEnd()
    {
        // Given tickets opened 10 Jan (resolved 5 Feb), 20 Jan (2 Feb), 3 Feb (never), 20 Feb (4 Mar) and 10 Mar (12 Mar)
        var builder = new EventLogBuilder();
        var day = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        (string Case, int Opened, int? Resolved)[] tickets = [("a", 9, 35), ("b", 19, 32), ("c", 33, null), ("d", 50, 62), ("e", 68, 70)];
        foreach (var (id, opened, resolved) in tickets)
        {
            builder.AddEvent(id, "Open ticket", day.AddDays(opened));
            if (resolved is { } r)
            {
                builder.AddEvent(id, "Resolve ticket", day.AddDays(r));
            }
        }

        var kpi = new JourneyKpi("backlog", "Backlog", "backlog", null, [], [],
            new Dictionary<string, string> { ["activity"] = "Open ticket", ["resolved"] = "Resolve ticket" }, null, []);

        // When the backlog is measured by month
        var result = KpiEngine.Compute(builder.Build(), [kpi], null, new KpiOptions { Period = KpiPeriod.Month }, TestContext.Current.CancellationToken).Kpis[0];

        // Then January ends with a and b open, February with c and d, March with c; as of the last event (e resolved) c is
        result.Series.Select(v => (v.Period, v.Value, v.SampleSize)).ShouldBe([("2026-01", (double?)2, 2), ("2026-02", 2, 2), ("2026-03", 1, 1)]);
        result.Overall.Value.ShouldBe(1);
    }
}
