using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Funnels;

/// <summary>Evaluates one <see cref="FunnelStep"/> over a whole log: which events match it.</summary>
internal static class StepMask
{
    public static bool[] Evaluate(EventLog log, FunnelStep step)
    {
        var activityMatch = ActivitySet.Resolve(log, step.Activities);
        var keep = new bool[log.EventCount];
        var activities = log.Activities;
        for (var e = 0; e < keep.Length; e++)
        {
            keep[e] = activityMatch[activities[e]];
        }

        if (step.Conditions.Count == 0)
        {
            return keep;
        }

        var caseKeep = new bool[log.CaseCount];
        caseKeep.AsSpan().Fill(true);
        foreach (var condition in step.Conditions)
        {
            switch (condition)
            {
                case EventFilter eventFilter:
                    eventFilter.Prepare(log).Apply(0, log.EventCount, keep);
                    break;
                case CaseFilter caseFilter:
                    caseFilter.Prepare(log, []).Apply(0, log.CaseCount, caseKeep);
                    break;
            }
        }

        for (var c = 0; c < caseKeep.Length; c++)
        {
            if (!caseKeep[c])
            {
                keep.AsSpan(log.CaseStart(c), log.CaseLength(c)).Clear();
            }
        }

        return keep;
    }
}
