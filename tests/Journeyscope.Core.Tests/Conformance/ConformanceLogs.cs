using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Conformance;

/// <summary>Small logs and nets written by hand or generated for the conformance tests.</summary>
internal static class ConformanceLogs
{
    public static EventLog Log(params string[][] traces)
    {
        var builder = new EventLogBuilder();
        var start = new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc).Ticks;
        for (var c = 0; c < traces.Length; c++)
        {
            var caseId = "c" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.AddCase(caseId);
            for (var e = 0; e < traces[c].Length; e++)
            {
                builder.AddEvent(caseId, traces[c][e], start + (e * TimeSpan.TicksPerMinute));
            }
        }

        return builder.Build();
    }

    public static string[] Trace(string text) => text.Length == 0 ? [] : text.Split(',');

    public static PetriNet Net(string tree) => ProcessTreeConversion.ToPetriNet(ProcessTree.Parse(tree));

    /// <summary>Fires random enabled transitions from the initial marking until the final marking; null when it takes too long.</summary>
    public static string[]? PlayOut(PetriNet net, Random random, int maxSteps = 60)
    {
        var marking = net.InitialMarking.ToArray();
        var trace = new List<string>();
        var enabled = new List<int>();
        for (var step = 0; step < maxSteps; step++)
        {
            if (marking.AsSpan().SequenceEqual(net.FinalMarking))
            {
                return [.. trace];
            }

            enabled.Clear();
            for (var t = 0; t < net.TransitionCount; t++)
            {
                if (net.IsEnabled(t, marking))
                {
                    enabled.Add(t);
                }
            }

            if (enabled.Count == 0)
            {
                return null;
            }

            var chosen = enabled[random.Next(enabled.Count)];
            net.Fire(chosen, marking);
            if (net.Transitions[chosen].Label is { } label)
            {
                trace.Add(label);
            }
        }

        return null;
    }

    /// <summary>A random process tree over the labels a..e in PM4Py notation.</summary>
    public static string RandomTree(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return random.Next(6) == 0 ? "tau" : $"'{(char)('a' + random.Next(5))}'";
        }

        var kind = random.Next(4);
        if (kind == 3)
        {
            return $"*( {RandomTree(random, depth - 1)}, {RandomTree(random, depth - 1)} )";
        }

        var op = kind switch { 0 => "->", 1 => "X", _ => "+" };
        var children = Enumerable.Range(0, 2 + random.Next(2)).Select(_ => RandomTree(random, depth - 1));
        return $"{op}( {string.Join(", ", children)} )";
    }
}
