namespace Journeyscope.Kpis;

/// <summary>What a KPI's value measures, which decides how it and its target are written.</summary>
public enum KpiUnit
{
    /// <summary>A count of cases or events.</summary>
    Count,

    /// <summary>A plain number (a mean score, an amount of money, an expression's result).</summary>
    Number,

    /// <summary>A share between 0 and 1, written as a percentage (a target <c>&lt;= 5%</c> is 0.05).</summary>
    Ratio,

    /// <summary>A duration in seconds, written as <c>3d</c>, <c>4h</c> or <c>1d12h</c>.</summary>
    Duration,

    /// <summary>A Net Promoter Score between -100 and 100.</summary>
    NetScore,
}
