using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Resolves activity names to a membership mask over a log's activity codes.</summary>
internal static class ActivitySet
{
    public static bool[] Resolve(EventLog log, IReadOnlyList<string> names)
    {
        var mask = new bool[log.ActivityCount];
        foreach (var name in names)
        {
            var code = log.FindActivity(name);
            if (code >= 0)
            {
                mask[code] = true;
            }
        }

        return mask;
    }
}
