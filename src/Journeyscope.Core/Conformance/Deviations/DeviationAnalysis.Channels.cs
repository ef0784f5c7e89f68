using Journeyscope.EventLogs;

namespace Journeyscope.Conformance;

public static partial class DeviationAnalysis
{
    /// <summary>The warning for a log without a channel column.</summary>
    internal const string NoChannelColumn = "The log has no channel column: channel mismatches and switches are not reported.";

    private static List<ChannelMismatch> CountChannelMismatches(EventLog log, JourneyIndex index, List<string> warnings)
    {
        var result = new List<ChannelMismatch>();
        var channel = index.Channel;
        if (channel is null)
        {
            warnings.Add(NoChannelColumn);
            return result;
        }

        var touchpoints = index.Journey.Touchpoints;
        var counts = new Dictionary<(int Touchpoint, int Channel), (int Events, int Cases, int LastCase)>();
        var codes = channel.Codes;
        var activities = log.Activities;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var end = log.CaseStarts[c + 1];
            for (var e = log.CaseStarts[c]; e < end; e++)
            {
                var t = index.ActivityTouchpoint[activities[e]];
                var code = codes[e];
                if (t < 0 || code < 0 || touchpoints[t].Channel is not { } designed
                    || string.Equals(designed, channel.Dictionary[code], StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var key = (t, code);
                counts.TryGetValue(key, out var count);
                counts[key] = (count.Events + 1, count.LastCase == c && count.Events > 0 ? count.Cases : count.Cases + 1, c);
            }
        }

        foreach (var ((t, code), count) in counts)
        {
            result.Add(new ChannelMismatch(touchpoints[t].Id, touchpoints[t].Channel!, channel.Dictionary[code], count.Events, count.Cases));
        }

        SortMismatches(result);
        return result;
    }

    private static List<ChannelSwitch> CountChannelSwitches(EventLog log, JourneyIndex index, DeviationOptions options)
    {
        var result = new List<ChannelSwitch>();
        var channel = index.Channel;
        if (channel is null)
        {
            return result;
        }

        var touchpoints = index.Journey.Touchpoints;
        var stageCount = index.Journey.Stages.Count;
        var lastTouchpoint = new int[stageCount];
        var lastChannel = new int[stageCount];
        var counts = new Dictionary<(int Stage, int From, int FromChannel, int To, int ToChannel), SwitchCount>();
        var codes = channel.Codes;
        var activities = log.Activities;
        for (var c = 0; c < log.CaseCount; c++)
        {
            Array.Fill(lastTouchpoint, -1);
            var end = log.CaseStarts[c + 1];
            for (var e = log.CaseStarts[c]; e < end; e++)
            {
                var t = index.ActivityTouchpoint[activities[e]];
                var code = codes[e];
                if (t < 0 || code < 0)
                {
                    continue;
                }

                var s = index.TouchpointStage[t];
                if (s < 0)
                {
                    continue;
                }

                var previous = lastTouchpoint[s];
                var previousChannel = lastChannel[s];
                lastTouchpoint[s] = t;
                lastChannel[s] = code;
                if (previous < 0 || previousChannel == code
                    || string.Equals(channel.Dictionary[previousChannel], channel.Dictionary[code], StringComparison.OrdinalIgnoreCase)
                    || IsPlanned(touchpoints[previous].Channel, channel.Dictionary[previousChannel], touchpoints[t].Channel, channel.Dictionary[code]))
                {
                    continue;
                }

                var key = (s, previous, previousChannel, t, code);
                if (!counts.TryGetValue(key, out var count))
                {
                    count = new SwitchCount();
                    counts.Add(key, count);
                }

                count.Switches++;
                if (count.LastCase != c)
                {
                    count.LastCase = c;
                    count.Cases++;
                    if (count.Examples.Count < options.ExampleCases)
                    {
                        count.Examples.Add(log.CaseIds[c]);
                    }
                }
            }
        }

        var stages = index.Journey.Stages;
        foreach (var ((s, from, fromChannel, to, toChannel), count) in counts)
        {
            result.Add(new ChannelSwitch(
                stages[s].Id, touchpoints[from].Id, channel.Dictionary[fromChannel], touchpoints[to].Id, channel.Dictionary[toChannel],
                count.Switches, count.Cases, count.Examples));
        }

        SortSwitches(result);
        return result;
    }

    /// <summary>Most events first, then by touchpoint and channel.</summary>
    internal static void SortMismatches(List<ChannelMismatch> mismatches) =>
        mismatches.Sort((x, y) => x.Events != y.Events
            ? y.Events.CompareTo(x.Events)
            : string.CompareOrdinal(x.TouchpointId + "\n" + x.ActualChannel, y.TouchpointId + "\n" + y.ActualChannel));

    /// <summary>Most switches first, then by stage, touchpoints and channels.</summary>
    internal static void SortSwitches(List<ChannelSwitch> switches) =>
        switches.Sort((x, y) => x.Switches != y.Switches
            ? y.Switches.CompareTo(x.Switches)
            : string.CompareOrdinal(
                string.Join('\n', x.StageId, x.FromTouchpoint, x.FromChannel, x.ToTouchpoint, x.ToChannel),
                string.Join('\n', y.StageId, y.FromTouchpoint, y.FromChannel, y.ToTouchpoint, y.ToChannel)));

    /// <summary>A switch is planned when both touchpoints are designed on exactly the channels the events used.</summary>
    internal static bool IsPlanned(string? designedFrom, string actualFrom, string? designedTo, string actualTo) =>
        designedFrom is not null && designedTo is not null
        && string.Equals(designedFrom, actualFrom, StringComparison.OrdinalIgnoreCase)
        && string.Equals(designedTo, actualTo, StringComparison.OrdinalIgnoreCase);

    private sealed class SwitchCount
    {
        public int Switches { get; set; }

        public int Cases { get; set; }

        public int LastCase { get; set; } = -1;

        public List<string> Examples { get; } = [];
    }
}
