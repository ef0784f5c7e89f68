using Journeyscope.Journeys;

namespace Journeyscope.IO.Journeys;

/// <summary>Recognises the eight default stages, whether omitted from the file or written out in full.</summary>
internal static class JourneyStages
{
    public static bool IsDefault(IReadOnlyList<Stage> stages)
    {
        var defaults = DesignedJourney.DefaultStages;
        if (ReferenceEquals(stages, defaults))
        {
            return true;
        }

        if (stages.Count != defaults.Count)
        {
            return false;
        }

        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] with { Location = SourceLocation.None } != defaults[i])
            {
                return false;
            }
        }

        return true;
    }
}
