namespace Journeyscope.Kpis;

/// <summary>The part of the business a KPI measures, after the run / grow / transform split of customer KPIs.</summary>
public enum KpiCategory
{
    /// <summary>Running the business: effort, cycle times, resolution, ticket volume and backlog.</summary>
    Run,

    /// <summary>Growing the business: satisfaction, loyalty, retention and revenue per customer.</summary>
    Grow,

    /// <summary>Transforming the business: feedback, digital engagement, acquisition, conversion and churn.</summary>
    Transform,

    /// <summary>A custom KPI defined by an expression.</summary>
    Custom,
}
