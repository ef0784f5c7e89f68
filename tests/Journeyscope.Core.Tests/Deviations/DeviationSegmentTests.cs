using Journeyscope.Conformance;
using Journeyscope.Journeys;
using static Journeyscope.Core.Tests.Deviations.DeviationTestData;

namespace Journeyscope.Core.Tests.Deviations;

public sealed class DeviationSegmentTests
{
    private static readonly Dictionary<string, TraceAlignment> Alignments2 = new()
    {
        ["browse checkout pay ship deliver"] = Align(5, "browse", "checkout", "pay", "ship", "deliver"),
        ["checkout pay ship deliver"] = Align(5, "-browse", "checkout", "pay", "ship", "deliver"),
    };

    private static (string, Ev[], (string, string)[]) Case(string id, bool fits, double startMinutes, string segment, string channel) =>
        (id,
         (fits ? ["browse", "checkout", "pay", "ship", "deliver"] : new[] { "checkout", "pay", "ship", "deliver" })
            .Select((a, i) => new Ev(a, startMinutes + i, channel)).ToArray(),
         [("segment", segment)]);

    private static DeviationReport Report(DeviationOptions? options = null)
    {
        // Given B2B cases: 1 of 3 fits; B2C: 2 of 2 fit; one B2C case in April, the rest in March; channels web or app
        var log = Log(
            Case("1", false, 0, "B2B", "web"),
            Case("2", false, 10, "B2B", "app"),
            Case("3", true, 20, "B2B", "web"),
            Case("4", true, 30, "B2C", "web"),
            Case("5", true, 60 * 24 * 40, "B2C", "web"));
        var journey = Shop(personas: [new Persona("business", "Business buyer", Segment: "case.segment == B2B"), new Persona("broken", "Broken", Segment: "case.segment ==")]);
        return DeviationAnalysis.Analyze(log, journey, Alignments(log, Alignments2), options, cancellationToken: TestContext.Current.CancellationToken);
    }

    private static string Row(SegmentConformance s) => $"{s.Dimension}={s.Value}: {s.FittingCases}/{s.Cases}";

    [Fact]
    public void Analyze_CaseAttribute_GivesConformancePerValue()
    {
        var rows = Report().Segments.Where(s => s.Dimension == "case:segment").Select(Row);

        rows.ShouldBe(["case:segment=B2B: 1/3", "case:segment=B2C: 2/2"]);
    }

    [Fact]
    public void Analyze_Persona_UsesItsSegmentFilterAndWarnsWhenItDoesNotParse()
    {
        var report = Report();

        report.Segments.Where(s => s.Dimension == "persona").Select(Row).ShouldBe(["persona=business: 1/3"]);
        report.Segments.Single(s => s.Dimension == "persona").MeanFitness.ShouldBe((1 + (2 * (1 - (1.0 / 9)))) / 3, 1e-12);
        report.Warnings.ShouldContain(w => w.StartsWith("Persona 'broken'", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_Channel_CountsEachCaseUnderEveryChannelItUsed()
    {
        Report().Segments.Where(s => s.Dimension == "channel").Select(Row).ShouldBe(["channel=web: 3/4", "channel=app: 0/1"]);
    }

    [Fact]
    public void Analyze_Period_GroupsByMonthOfCaseStartInOrder()
    {
        Report().Segments.Where(s => s.Dimension == "period").Select(Row).ShouldBe(["period=2024-03: 2/4", "period=2024-04: 1/1"]);
    }

    [Fact]
    public void Analyze_AutomaticAttributesAboveTheCardinalityCap_AreLeftOut()
    {
        var report = Report(new DeviationOptions { MaxSegmentValues = 1 });

        report.Segments.ShouldNotContain(s => s.Dimension == "case:segment");
    }

    [Fact]
    public void Analyze_NamedMissingAttribute_IsAWarning()
    {
        var report = Report(new DeviationOptions { SegmentAttributes = ["region"] });

        report.Segments.ShouldNotContain(s => s.Dimension.StartsWith("case:", StringComparison.Ordinal));
        report.Warnings.ShouldContain("There is no case attribute 'region': no segments by it.");
    }

    [Theory]
    [InlineData(DeviationPeriod.Day, "2024-12-30")]
    [InlineData(DeviationPeriod.Week, "2025-W01")]
    [InlineData(DeviationPeriod.Month, "2024-12")]
    [InlineData(DeviationPeriod.Quarter, "2024-Q4")]
    [InlineData(DeviationPeriod.Year, "2024")]
    public void PeriodKey_EachPeriod_UsesItsDocumentedKey(DeviationPeriod period, string expected)
    {
        DeviationAnalysis.PeriodKey(new DateTime(2024, 12, 30, 23, 0, 0, DateTimeKind.Unspecified), period).ShouldBe(expected);
    }
}
