using Journeyscope.Journeys;

namespace Journeyscope.IO.Journeys;

/// <summary>The outcome of reading a journey file: the journey (when the text was a YAML mapping) and every problem found.</summary>
/// <remarks>
/// <see cref="Journey"/> is <c>null</c> only when the text is not YAML or not a mapping. When <see cref="Diagnostics"/>
/// holds errors, the journey is partial: missing text values are empty and wrong values are left out, so that
/// <see cref="JourneyValidator"/> can still report the remaining problems at once.
/// </remarks>
/// <param name="Journey">The journey, or <c>null</c> when the text could not be read as one.</param>
/// <param name="Diagnostics">The parse-level problems (JS001 to JS004), in file order.</param>
public sealed record JourneyReadResult(DesignedJourney? Journey, IReadOnlyList<JourneyDiagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
