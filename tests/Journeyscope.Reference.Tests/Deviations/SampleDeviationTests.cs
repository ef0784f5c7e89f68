using System.Text.RegularExpressions;
using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.IO.Journeys;

namespace Journeyscope.Reference.Tests.Deviations;

/// <summary>
/// The deviation reports of the sample journeys (samples/receipt, samples/helpdesk) against facts counted here
/// directly from the raw logs with LINQ, independently of mapping, alignments and the analysis.
/// </summary>
public sealed class SampleDeviationTests
{
    private static readonly Lazy<(EventLog Log, JourneyCheck Check)> Receipt = new(() => Run("receipt"));
    private static readonly Lazy<(EventLog Log, JourneyCheck Check)> Helpdesk = new(() => Run("helpdesk"));

    private static (EventLog Log, JourneyCheck Check) Run(string name)
    {
        var read = JourneyYaml.Read(Path.Combine(RepositoryRoot(), "samples", name, "journeys", name + ".yaml"));
        read.HasErrors.ShouldBeFalse(string.Join("\n", read.Diagnostics));
        var log = ReferenceLogs.Load(name);
        return (log, JourneyConformance.Check(log, read.Journey!));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Journeyscope.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Journeyscope.slnx not found above the test folder.");
    }

    /// <summary>Each case as its list of (activity, timestamp) in log order.</summary>
    private static List<(string Id, List<(string Activity, long Ticks)> Events)> Cases(EventLog log) =>
        Enumerable.Range(0, log.CaseCount)
            .Select(c => (log.CaseIds[c], Enumerable.Range(log.CaseStart(c), log.CaseLength(c))
                .Select(e => (log.ActivityNames[log.Activities[e]], log.Timestamps[e])).ToList()))
            .ToList();

    private static TouchpointDeviations Touchpoint(DeviationReport report, string id) => report.Touchpoints.Single(t => t.TouchpointId == id);

    [Fact]
    public void Receipt_TouchpointCasesAndRework_EqualCountsOfTheirActivities()
    {
        // Given
        var (log, check) = Receipt.Value;
        var cases = Cases(log);
        var t07 = new Regex("^(?:T07-[1-5] .*)$", RegexOptions.None, TimeSpan.FromSeconds(1));

        // Then: check is T02; internal advice is any T07-1..5; rework = two or more of its events in a case
        Touchpoint(check.Report, "check").Cases.ShouldBe(cases.Count(c => c.Events.Any(e => e.Activity == "T02 Check confirmation of receipt")));
        Touchpoint(check.Report, "check").Repeated.ShouldBe(cases.Count(c => c.Events.Count(e => e.Activity == "T02 Check confirmation of receipt") >= 2));
        Touchpoint(check.Report, "internal-advice").Repeated.ShouldBe(cases.Count(c => c.Events.Count(e => t07.IsMatch(e.Activity)) >= 2));
        Touchpoint(check.Report, "internal-advice").Repeated.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Receipt_UnmappedSteps_AreTheActivitiesNoRuleNames()
    {
        // Given every activity no rule of the sample names (exact names and the sample's patterns, written out here)
        var (log, check) = Receipt.Value;
        var named = new Regex(
            "^(?:Confirmation of receipt|T0[2-6] .*|T07-[1-5] .*|T08 .*|T09-[1-4] .*|T1[0-9] .*|T20 .*)$", RegexOptions.None, TimeSpan.FromSeconds(1));
        var expected = Cases(log).SelectMany(c => c.Events.Select(e => (c.Id, e.Activity)))
            .Where(e => !named.IsMatch(e.Activity))
            .GroupBy(e => e.Activity)
            .Select(g => $"{g.Key}: {g.Count()} events, {g.Select(e => e.Id).Distinct().Count()} cases")
            .Order(StringComparer.Ordinal);

        // Then
        check.Report.UnmappedSteps.Select(s => $"{s.Activity}: {s.Events} events, {s.Cases} cases").Order(StringComparer.Ordinal).ShouldBe(expected);
    }

    [Fact]
    public void Receipt_ConfirmationTimeTarget_EqualsElapsedTimeCountedByHand()
    {
        // Given: from the first submission event (Confirmation of receipt) to the first T05 after it, within 14 days
        var (log, check) = Receipt.Value;
        var elapsed = Cases(log)
            .Select(c =>
            {
                var from = c.Events.FindIndex(e => e.Activity == "Confirmation of receipt");
                var to = from < 0 ? -1 : c.Events.FindIndex(from + 1, e => e.Activity == "T05 Print and send confirmation of receipt");
                return to < 0 ? (TimeSpan?)null : TimeSpan.FromTicks(c.Events[to].Ticks - c.Events[from].Ticks);
            })
            .Where(t => t is not null)
            .Select(t => t!.Value)
            .ToList();

        // Then
        var target = check.Report.TimeTargets.Single(t => t.TargetId == "confirmation-2w");
        target.MeasuredCases.ShouldBe(elapsed.Count);
        target.BreachedCases.ShouldBe(elapsed.Count(t => t > TimeSpan.FromDays(14)));
        target.MaxElapsed.ShouldBe(elapsed.Max());
        target.BreachedCases.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Receipt_Segments_ByChannelAndPersona_CountTheCasesOfEachValue()
    {
        // Given
        var (log, check) = Receipt.Value;
        var channel = log.FindCaseAttribute("channel")!;
        var byChannel = Enumerable.Range(0, log.CaseCount).GroupBy(c => channel.GetValue(c)?.ToString() ?? "(missing)")
            .ToDictionary(g => g.Key, g => g.Count());

        // Then
        var segments = check.Report.Segments.Where(s => s.Dimension == "case:channel").ToList();
        segments.ToDictionary(s => s.Value, s => s.Cases).ShouldBe(byChannel, ignoreOrder: true);
        check.Report.Segments.Single(s => s is { Dimension: "persona", Value: "online-applicant" }).Cases.ShouldBe(byChannel["Internet"]);
        segments.Sum(s => s.FittingCases).ShouldBe(check.Report.FittingCases);
        check.Report.FittingCases.ShouldBe((int)Math.Round(check.Alignments.PercentageOfFittingTraces * log.CaseCount / 100));
    }

    [Fact]
    public void Receipt_Transitions_CountEveryStepBetweenMappedEvents()
    {
        // Given: every case's events all map (or not) by activity alone; transitions include start and end of a case
        var (log, check) = Receipt.Value;
        var unmapped = check.Report.UnmappedSteps.Select(s => s.Activity).ToHashSet();
        var expected = Cases(log).Select(c => c.Events.Count(e => !unmapped.Contains(e.Activity))).Where(n => n > 0).Sum(n => n + 1);

        // Then
        check.Report.Transitions!.Observed.Sum(e => e.Count).ShouldBe(expected);
        check.Report.Transitions.Observed.Where(e => e.From is null).Sum(e => e.Count)
            .ShouldBe(Cases(log).Count(c => c.Events.Any(e => !unmapped.Contains(e.Activity))));
    }

    [Fact]
    public void Helpdesk_MandatoryTouchpoints_AreSkippedExactlyByTheCasesWithoutThem()
    {
        // Given: every run of the designed flow closes the ticket once and resolves it at least once
        var (log, check) = Helpdesk.Value;
        var cases = Cases(log);

        // Then a case skips 'close' (or 'resolve') exactly when it has no such event
        Touchpoint(check.Report, "close").Skipped.ShouldBe(cases.Count(c => c.Events.All(e => e.Activity != "Closed")));
        Touchpoint(check.Report, "resolve").Skipped.ShouldBe(cases.Count(c => c.Events.All(e => e.Activity != "Resolve ticket")));
        Touchpoint(check.Report, "resolve").Skipped.ShouldBeGreaterThan(0);
        Touchpoint(check.Report, "assess").Repeated.ShouldBe(cases.Count(c => c.Events.Count(e => e.Activity == "Assign seriousness") >= 2));
    }

    [Fact]
    public void Helpdesk_Patterns_CoverEveryDeviatingCaseOnce()
    {
        // Given
        var (log, check) = Helpdesk.Value;
        var all = DeviationAnalysis.Analyze(check.Mapped.Log, check.Mapped.Journey, check.Alignments, new DeviationOptions { TopPatterns = 0 },
            TestContext.Current.CancellationToken);

        // Then: exactly the cases with a non-fitting alignment have a pattern (a repeat the design allows is no deviation)
        all.Patterns.Count.ShouldBe(all.PatternCount);
        var withPattern = all.Patterns.Sum(p => p.Cases);
        withPattern.ShouldBe(log.CaseCount - all.FittingCases);
        all.Patterns.ShouldAllBe(p => p.ExampleCaseIds.Count == Math.Min(5, p.Cases));
    }
}
