namespace Journeyscope.Kpis;

/// <summary>What kind of journey name a KPI expression uses.</summary>
public enum KpiExpressionReferenceKind
{
    /// <summary><c>touchpoint(id)</c>: must be a touchpoint of the journey.</summary>
    Touchpoint,

    /// <summary><c>stage(id)</c>: must be a stage of the journey.</summary>
    Stage,

    /// <summary><c>time_target_breached(id)</c>: must be a time target of the journey.</summary>
    TimeTarget,

    /// <summary>An argument of <c>has(...)</c> or <c>follows(..., ...)</c>: a touchpoint, a stage or an activity of the log.</summary>
    EventName,
}
