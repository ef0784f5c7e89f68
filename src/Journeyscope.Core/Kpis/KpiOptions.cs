using Journeyscope.Filters;
using Journeyscope.Voc;

namespace Journeyscope.Kpis;

/// <summary>How <see cref="KpiEngine"/> computes KPIs: period, filters, segments, sentiment scorer and the KPI tree's statistics.</summary>
public sealed class KpiOptions
{
    /// <summary>One value per KPI over the whole log, the lexicon scorer, 1,000 bootstrap resamples.</summary>
    public static KpiOptions Default { get; } = new();

    /// <summary>The periods to compute each KPI for; <see cref="KpiPeriod.None"/> (default) for the whole log only.</summary>
    public KpiPeriod Period { get; init; } = KpiPeriod.None;

    /// <summary>Filters applied to the log first, in order (docs/filters.md).</summary>
    public IReadOnlyList<LogFilter> Filters { get; init; } = [];

    /// <summary>A case attribute (or, when there is none of that name, an event attribute) to compute each KPI per value of; <c>null</c> for none.</summary>
    public string? SegmentBy { get; init; }

    /// <summary>The sentiment scorer of the <c>sentiment</c> kind; <c>null</c> for <see cref="LexiconSentimentScorer.Default"/>.</summary>
    public ISentimentScorer? Sentiment { get; init; }

    /// <summary>The end of the observation window (churn by inactivity, retention windows, backlog); <c>null</c> for the log's last event.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Whether to measure the associations of the KPI tree (default true).</summary>
    public bool Associations { get; init; } = true;

    /// <summary>Bootstrap resamples for the confidence intervals of the KPI tree (default 1,000).</summary>
    public int BootstrapSamples { get; init; } = 1000;

    /// <summary>The seed of the bootstrap's random numbers: the same seed gives the same intervals.</summary>
    public int Seed { get; init; } = 7;
}
