using Journeyscope.Journeys;

namespace Journeyscope.Agenda;

/// <summary>Links each opportunity to the capabilities of its touchpoint (docs/canvas.md): what a fix depends on.</summary>
internal static class AgendaCapabilities
{
    /// <summary>The opportunities with <see cref="AgendaOpportunity.Capabilities"/> set from their touchpoint, weakest first.</summary>
    public static List<AgendaOpportunity> Link(List<AgendaOpportunity> opportunities, DesignedJourney journey)
    {
        for (var i = 0; i < opportunities.Count; i++)
        {
            if (opportunities[i].Touchpoint is { } id && journey.FindTouchpoint(id) is { Capabilities.Count: > 0 } touchpoint)
            {
                opportunities[i] = opportunities[i] with
                {
                    Capabilities = [.. touchpoint.Capabilities.OrderBy(c => c.Readiness).ThenBy(c => c.Kind)],
                };
            }
        }

        return opportunities;
    }
}
