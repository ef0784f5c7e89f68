namespace Journeyscope.IO.Journeys;

/// <summary>The keys a journey file may use in each kind of mapping, and which of them are required.</summary>
/// <remarks>The JSON Schema (docs/schemas/journey.schema.json) lists the same keys; a test keeps them in step.</remarks>
internal static class JourneyKeys
{
    public static readonly string[] Root =
        ["journey", "name", "owner", "description", "personas", "stages", "touchpoints", "flow", "kpis", "critical_success_factors", "time_targets", "value", "solutions", "rules", "customer"];

    public static readonly string[] RootRequired = ["journey", "name", "touchpoints"];

    public static readonly string[] Persona = ["id", "name", "description", "segment"];

    public static readonly string[] PersonaRequired = ["id", "name"];

    public static readonly string[] Stage = ["id", "name", "description", "canvas"];

    public static readonly string[] StageRequired = ["id", "name"];

    public static readonly string[] Touchpoint = ["id", "name", "stage", "lane", "channel", "owner", "description", "match", "capabilities"];

    public static readonly string[] TouchpointRequired = ["id", "name", "stage", "lane", "match"];

    /// <summary>The keys of a stage's <c>canvas:</c> (docs/canvas.md).</summary>
    public static readonly string[] Canvas = ["customer_actions", "frontstage", "backstage", "opportunities", "value_proposition"];

    /// <summary>The keys of one entry of a touchpoint's <c>capabilities:</c>.</summary>
    public static readonly string[] Capability = ["kind", "name", "readiness", "note"];

    public static readonly string[] CapabilityRequired = ["kind", "name", "readiness"];

    public static readonly string[] Match = ["activity", "activity_regex", "where"];

    /// <summary>The KPI's own keys; every other scalar key of a KPI is a parameter of its kind.</summary>
    public static readonly string[] Kpi = ["id", "name", "kind", "target", "stages", "touchpoints", "drivers", "expression"];

    public static readonly string[] KpiRequired = ["id", "name", "kind"];

    public static readonly string[] CriticalSuccessFactor = ["id", "name", "kpis", "description"];

    public static readonly string[] CriticalSuccessFactorRequired = ["id", "name", "kpis"];

    public static readonly string[] TimeTarget = ["id", "name", "from", "to", "within", "business_hours"];

    public static readonly string[] TimeTargetRequired = ["id", "name", "from", "to", "within"];

    public static readonly string[] Rule = ["id", "name", "on", "where", "unless", "within", "at", "before", "count"];

    public static readonly string[] RuleRequired = ["id", "on"];

    public static readonly string[] Value = ["unit", "kpis"];

    public static readonly string[] ValueRequired = ["unit", "kpis"];

    public static readonly string[] ValueRate = ["kpi", "amount", "per"];

    public static readonly string[] ValueRateRequired = ["kpi", "amount"];

    public static readonly string[] Solution = ["id", "name", "touchpoints", "kinds", "effort", "cost", "share", "confidence", "owner"];

    public static readonly string[] SolutionRequired = ["id", "name", "touchpoints"];

    /// <summary>The opportunity kinds a solution may name (docs/agenda.md).</summary>
    public static readonly string[] OpportunityKinds =
        ["skipped", "inserted", "out-of-order", "repeated", "time-target", "bottleneck", "drop-off", "channel-switch", "detractor-moment", "kpi-off-target"];

    public static readonly string[] FlowOperators = ["sequence", "choice", "parallel", "optional", "loop", "repeat"];

    /// <summary>The YAML names of the blueprint lanes, in <see cref="Journeyscope.Journeys.BlueprintLane"/> order.</summary>
    public static readonly string[] Lanes = ["customer-action", "frontstage", "backstage", "support", "physical-evidence"];

    /// <summary>The flow leaf that stands for a silent step.</summary>
    public const string Skip = "skip";
}
