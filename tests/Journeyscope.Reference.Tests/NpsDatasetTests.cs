using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.TestSupport;
using Journeyscope.Voc;

namespace Journeyscope.Reference.Tests;

/// <summary>The two real NPS surveys: the engine's NPS equals 100 · (promoters − detractors) / answers counted directly over the CSV.</summary>
public sealed class NpsDatasetTests
{
    private static readonly JourneyKpi NpsKpi = new("nps", "NPS", "nps", ">= 40", [], [],
        new Dictionary<string, string> { ["activity"] = "NPS survey" }, null, []);

    [Fact]
    public void Nps_BenaventRetailSurvey_EqualsDirectCount()
    {
        // Given 13,954 answers (342 NA) of a French garden-centre chain; latin1 text
        var rows = RawCsv.Read(SharedData.Path("datasets/nps_benavent_fr_retail/nps.csv"), RawCsv.Windows1252).Skip(1).ToList();
        rows.Count.ShouldBe(13954);
        var answers = rows.Select(r => (Id: r[0], Score: r[2], Comment: r[5])).ToList();

        // When
        var (value, sample) = Compute(answers);

        // Then
        var scores = answers.Where(a => a.Score != "NA").Select(a => int.Parse(a.Score, CultureInfo.InvariantCulture)).ToList();
        var expected = 100.0 * (scores.Count(s => s >= 9) - scores.Count(s => s <= 6)) / scores.Count;
        sample.ShouldBe(13612);
        value.ShouldBe(expected, 1e-9);
        TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture, $"Benavent retail NPS {value:F2} over {sample} answers"));
    }

    [Fact]
    public void Nps_MiroFeedback_EqualsDirectCountAndPromotersWriteHappierComments()
    {
        // Given 441 answers with English comments (quoted, multi-line)
        var rows = RawCsv.Read(SharedData.Path("datasets/miro_voc_nps_feature_feedback/nps.csv")).Skip(1).ToList();
        rows.Count.ShouldBe(441);
        var answers = rows.Select((r, i) => (Id: $"u{i}", Score: r[2], Comment: r[1])).ToList();

        var (value, sample) = Compute(answers);

        var scores = answers.Select(a => int.Parse(a.Score, CultureInfo.InvariantCulture)).ToList();
        value.ShouldBe(100.0 * (scores.Count(s => s >= 9) - scores.Count(s => s <= 6)) / scores.Count, 1e-9);
        sample.ShouldBe(441);

        // And the lexicon scorer finds promoters' comments more positive than detractors' (sentiment KPI by segment)
        var log = Build(answers);
        var sentiment = new JourneyKpi("sentiment", "Sentiment", "sentiment", null, [], [], new Dictionary<string, string>(), null, []);
        var bySegment = KpiEngine.Compute(log, [sentiment], options: new KpiOptions { SegmentBy = "group" }, cancellationToken: TestContext.Current.CancellationToken)
            .Kpis[0].Series.ToDictionary(v => v.Segment!, v => v.Value!.Value);
        var expectedMean = answers.Where(a => int.Parse(a.Score, CultureInfo.InvariantCulture) >= 9 && !string.IsNullOrWhiteSpace(a.Comment))
            .Average(a => LexiconSentimentScorer.Default.Score(a.Comment).Compound);
        bySegment["promoter"].ShouldBe(expectedMean, 1e-12);
        bySegment["promoter"].ShouldBeGreaterThan(bySegment["detractor"] + 0.2);
        TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
            $"Miro NPS {value:F2} over {sample}; mean comment sentiment promoters {bySegment["promoter"]:F3}, passives {bySegment["passive"]:F3}, detractors {bySegment["detractor"]:F3}"));
    }

    private static (double Value, int Sample) Compute(List<(string Id, string Score, string Comment)> answers)
    {
        var overall = KpiEngine.Compute(Build(answers), [NpsKpi], cancellationToken: TestContext.Current.CancellationToken).Kpis[0].Overall;
        return (overall.Value!.Value, overall.SampleSize);
    }

    private static EventLog Build(List<(string Id, string Score, string Comment)> answers)
    {
        var builder = new EventLogBuilder();
        var score = builder.GetEventAttributeHandle("score", AttributeType.Long);
        var comment = builder.GetEventAttributeHandle("comment");
        var at = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var (id, text, note) in answers)
        {
            var e = builder.AddEvent(id, "NPS survey", at);
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s))
            {
                builder.SetEventAttribute(e, score, AttributeValue.FromLong(s));
                builder.SetCaseAttribute(id, "group", AttributeValue.FromString(s >= 9 ? "promoter" : s >= 7 ? "passive" : "detractor"));
            }

            if (!string.IsNullOrWhiteSpace(note) && note != "NA")
            {
                builder.SetEventAttribute(e, comment, note);
            }
        }

        return builder.Build();
    }
}
