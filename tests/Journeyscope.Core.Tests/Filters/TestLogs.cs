using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.Filters;

/// <summary>Small hand-made logs for filter and performance tests.</summary>
internal static class TestLogs
{
    public static readonly DateTime Origin = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static long At(double hours) => Origin.AddHours(hours).Ticks;

    /// <summary>Builds a log from "case:activity@hours" triples, e.g. ("c1", "A", 0).</summary>
    public static EventLog Build(params (string Case, string Activity, double Hours)[] events)
    {
        var builder = new EventLogBuilder();
        foreach (var (caseId, activity, hours) in events)
        {
            builder.AddEvent(caseId, activity, At(hours));
        }

        return builder.Build();
    }

    /// <summary>Builds a log where each case is a sequence of activities one hour apart, starting at hour <c>index * 24</c>.</summary>
    public static EventLog Sequences(params string[] cases)
    {
        var builder = new EventLogBuilder();
        for (var c = 0; c < cases.Length; c++)
        {
            var steps = cases[c].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < steps.Length; i++)
            {
                builder.AddEvent($"c{c}", steps[i], At((c * 24) + i));
            }
        }

        return builder.Build();
    }

    public static string[] Sequence(EventLog log, int caseIndex)
    {
        var activities = log.CaseActivities(caseIndex);
        var names = new string[activities.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = log.ActivityNames[activities[i]];
        }

        return names;
    }

    public static string[] Traces(EventLog log)
    {
        var result = new string[log.CaseCount];
        for (var c = 0; c < result.Length; c++)
        {
            result[c] = log.CaseIds[c] + ":" + string.Join(" ", Sequence(log, c));
        }

        return result;
    }
}
