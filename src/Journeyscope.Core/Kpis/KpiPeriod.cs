namespace Journeyscope.Kpis;

/// <summary>The length of the periods a KPI is computed for; calendar periods in the log's time basis.</summary>
public enum KpiPeriod
{
    /// <summary>One value for the whole log.</summary>
    None,

    /// <summary>Calendar days.</summary>
    Day,

    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,

    /// <summary>Calendar quarters.</summary>
    Quarter,

    /// <summary>Calendar years.</summary>
    Year,
}
