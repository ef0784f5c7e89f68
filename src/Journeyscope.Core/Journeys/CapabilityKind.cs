namespace Journeyscope.Journeys;

/// <summary>What a touchpoint needs to work as designed: the four capability kinds of the capability map.</summary>
/// <remarks>YAML names: <c>people</c>, <c>process</c>, <c>technology</c>, <c>data</c> (docs/canvas.md).</remarks>
public enum CapabilityKind
{
    /// <summary>Skills, staffing and roles (trained agents, a warehouse shift).</summary>
    People,

    /// <summary>Ways of working, procedures and hand-overs (a returns procedure, an escalation path).</summary>
    Process,

    /// <summary>Systems and tools (a payment SDK, a ticketing system).</summary>
    Technology,

    /// <summary>Information the touchpoint relies on (stock levels, customer history, tracking events).</summary>
    Data,
}
