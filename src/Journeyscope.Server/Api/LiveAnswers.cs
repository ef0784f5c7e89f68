using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>
/// The analysis answers the live snapshot (<see cref="LiveLogCache"/>) gives as they are, so that a growing workspace's
/// unfiltered figures need no whole-log analysis: today the variants. Used only for the whole log in UTC of a followed
/// workspace; filtered requests, other time bases and the figures the snapshot does not hold go through
/// <see cref="EventLogCache"/>.
/// </summary>
internal static class LiveAnswers
{
    /// <summary>Whether a request with <paramref name="filters"/> in <paramref name="timeBasis"/> asks for the whole log in UTC.</summary>
    public static bool IsWholeLog(string[]? filters, string? timeBasis) =>
        (filters is null || filters.Length == 0) && LogQuery.ParseTimeBasis(timeBasis) == TimeBasis.Utc;

    /// <summary>The <paramref name="top"/> most frequent variants of <paramref name="live"/>: what <see cref="VariantsResult.From"/> gives for the same log.</summary>
    public static VariantsResult Variants(LiveSnapshot live, int top)
    {
        ArgumentNullException.ThrowIfNull(live);
        var variants = live.Snapshot.Variants;
        var shown = new List<VariantSummary>(Math.Min(top, variants.Count));
        for (var v = 0; v < variants.Count && v < top; v++)
        {
            var variant = variants[v];
            shown.Add(new VariantSummary(variant.Rank, variant.CaseCount, variant.Share, variant.CumulativeCoverage,
                variant.MeanDurationSeconds, variant.MedianDurationSeconds, variant.Activities, variant.ExampleCaseIds));
        }

        return new VariantsResult(TimeBasis.Utc, live.Version, variants.Count, live.Snapshot.Kpis.Cases, shown);
    }
}
