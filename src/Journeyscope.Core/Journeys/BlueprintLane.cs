namespace Journeyscope.Journeys;

/// <summary>The service blueprint lane a touchpoint belongs to, from the customer's side to the support systems.</summary>
/// <remarks>YAML names: <c>customer-action</c>, <c>frontstage</c>, <c>backstage</c>, <c>support</c>, <c>physical-evidence</c>.</remarks>
public enum BlueprintLane
{
    /// <summary>What the customer does (browse, order, call).</summary>
    CustomerAction,

    /// <summary>What the customer sees the organisation do (app screens, staff at the counter, the agent on the phone).</summary>
    Frontstage,

    /// <summary>Work the customer does not see but that serves them directly (fraud check, picking, ticket routing).</summary>
    Backstage,

    /// <summary>Support processes and systems behind the backstage (payment provider, carrier, CRM).</summary>
    Support,

    /// <summary>Tangible things the customer receives (confirmation email, parcel, invoice).</summary>
    PhysicalEvidence,
}
