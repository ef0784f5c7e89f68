namespace Journeyscope.Journeys;

/// <summary>
/// A designed customer journey: stages, touchpoints with their blueprint lanes and event mapping rules, the designed
/// flow as a process tree over touchpoint ids, KPIs with targets, critical success factors and time targets.
/// </summary>
/// <remarks>
/// Read from and written to YAML by <c>Journeyscope.IO.Journeys.JourneyYaml</c> (format: docs/journeys.md). The record
/// is a plain value: it is not validated on construction; <c>JourneyValidator</c> reports every problem at once.
/// </remarks>
/// <param name="Id">The journey's id (YAML <c>journey</c>), unique in the workspace; the file name without <c>.yaml</c> by convention.</param>
/// <param name="Name">The display name.</param>
/// <param name="Owner">The owner, or <c>null</c>.</param>
/// <param name="Description">Free text, or <c>null</c>.</param>
/// <param name="Personas">The personas.</param>
/// <param name="Stages">The stages in order; the eight default stages of <see cref="DefaultStages"/> when the YAML has none.</param>
/// <param name="Touchpoints">The touchpoints.</param>
/// <param name="Flow">The designed flow over touchpoint ids, or <c>null</c> when none is designed yet.</param>
/// <param name="Kpis">The KPIs.</param>
/// <param name="CriticalSuccessFactors">The critical success factors.</param>
/// <param name="TimeTargets">The time targets.</param>
public sealed record DesignedJourney(
    string Id,
    string Name,
    string? Owner,
    string? Description,
    IReadOnlyList<Persona> Personas,
    IReadOnlyList<Stage> Stages,
    IReadOnlyList<Touchpoint> Touchpoints,
    ProcessTree? Flow,
    IReadOnlyList<JourneyKpi> Kpis,
    IReadOnlyList<CriticalSuccessFactor> CriticalSuccessFactors,
    IReadOnlyList<TimeTarget> TimeTargets)
{
    /// <summary>
    /// The eight value stream stages Journeyscope uses when a journey names none: awareness, acquisition, purchase,
    /// fulfilment, service, loyalty, feedback, advocacy.
    /// </summary>
    public static IReadOnlyList<Stage> DefaultStages { get; } =
    [
        new("awareness", "Awareness & Discovery"),
        new("acquisition", "Acquisition & Conversion"),
        new("purchase", "Purchase & Transaction"),
        new("fulfilment", "Fulfilment & Delivery"),
        new("service", "Service & Support"),
        new("loyalty", "Relationship & Loyalty"),
        new("feedback", "Feedback & Improvement"),
        new("advocacy", "Advocacy & Referral"),
    ];

    /// <summary>Where the journey was read from; <see cref="SourceLocation.None"/> when built in code.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>What a change of each KPI is worth (YAML <c>value:</c>), for the improvement agenda; <c>null</c> when not declared.</summary>
    public JourneyValue? Value { get; init; }

    /// <summary>Improvement ideas with effort and expected share of the gap they close (YAML <c>solutions:</c>).</summary>
    public IReadOnlyList<JourneySolution> Solutions { get; init; } = [];

    /// <summary>
    /// The case attribute that identifies the customer when the case is not the customer (YAML <c>customer:</c>), or
    /// <c>null</c>: the case is the customer.
    /// </summary>
    public JourneyCustomer? Customer { get; init; }

    /// <summary>The rules over live journey state (YAML <c>rules:</c>); empty when none.</summary>
    public IReadOnlyList<JourneyRule> Rules { get; init; } = [];

    /// <summary>Finds a touchpoint by id, or <c>null</c>.</summary>
    public Touchpoint? FindTouchpoint(string id)
    {
        foreach (var touchpoint in Touchpoints)
        {
            if (string.Equals(touchpoint.Id, id, StringComparison.Ordinal))
            {
                return touchpoint;
            }
        }

        return null;
    }

    /// <summary>Finds a stage by id, or <c>null</c>.</summary>
    public Stage? FindStage(string id)
    {
        foreach (var stage in Stages)
        {
            if (string.Equals(stage.Id, id, StringComparison.Ordinal))
            {
                return stage;
            }
        }

        return null;
    }
}
