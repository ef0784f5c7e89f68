using Journeyscope.Journeys;
using Journeyscope.Kpis;

namespace Journeyscope.Agenda;

/// <summary>One KPI as a ratio of sums over cases: each case's numerator and denominator (0/0 without a measurement).</summary>
internal sealed class KpiCaseValues(JourneyKpi kpi, string method, bool higherIsBetter, bool isDuration, double[] numerator, double[] denominator, KpiTarget? target = null)
{
    public JourneyKpi Kpi { get; } = kpi;

    /// <summary><c>risk difference</c>, <c>mean difference</c> or <c>NPS difference</c>.</summary>
    public string Method { get; } = method;

    public bool HigherIsBetter { get; } = higherIsBetter;

    public bool IsDuration { get; } = isDuration;

    public double[] Numerator { get; } = numerator;

    public double[] Denominator { get; } = denominator;

    /// <summary>The KPI's target, or null.</summary>
    public KpiTarget? Target { get; } = target;
}
