using System.Text;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Discovery;

/// <summary>A designed-journey draft discovered from a log, for the user to edit: the starting point of journey-as-code.</summary>
/// <remarks>
/// One touchpoint per activity: id slugged from the activity name (lower-case ASCII letters and digits, other runs as
/// <c>-</c>, <c>-2</c>, <c>-3</c>... on clashes), name and rule the exact activity name, lane frontstage, channel the
/// activity's most frequent event channel when the log has channels. The flow is the Inductive Miner (IMf) tree with
/// activities replaced by touchpoint ids, so at noise 0 every case of the log fits the draft. Stages: each activity's
/// mean relative position in its cases (0 for a case's first event, 1 for its last, 0 in one-event cases) is bucketed
/// into eight equal ranges, one per default stage in order (awareness ... advocacy); only stages that receive a
/// touchpoint are kept. Touchpoints are listed by stage, then by mean position.
/// </remarks>
public static class JourneyDraft
{
    /// <summary>Discovers a draft journey from <paramref name="log"/>.</summary>
    /// <param name="log">The event log.</param>
    /// <param name="noiseThreshold">The IMf noise threshold in [0, 1) (default 0.2).</param>
    /// <param name="id">The journey id (default <c>draft</c>).</param>
    /// <param name="cancellationToken">Checked by the miner.</param>
    public static DesignedJourney FromLog(EventLog log, double noiseThreshold = 0.2, string id = "draft", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentException.ThrowIfNullOrEmpty(id);
        var tree = InductiveMiner.Discover(log, noiseThreshold, cancellationToken);
        var positions = MeanRelativePositions(log);
        var channels = MostFrequentChannels(log);

        var used = new HashSet<string>(StringComparer.Ordinal);
        var idOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var drafted = new List<(Touchpoint Touchpoint, int Stage, double Position)>();
        for (var a = 0; a < log.ActivityCount; a++)
        {
            if (double.IsNaN(positions[a]))
            {
                continue;
            }

            var activity = log.ActivityNames[a];
            var touchpointId = UniqueSlug(activity, used);
            idOf[activity] = touchpointId;
            var stage = Math.Min(7, (int)Math.Floor(positions[a] * 8));
            var touchpoint = new Touchpoint(
                touchpointId, activity, DesignedJourney.DefaultStages[stage].Id, BlueprintLane.Frontstage, channels[a], null,
                new TouchpointRule([activity], null, []));
            drafted.Add((touchpoint, stage, positions[a]));
        }

        drafted.Sort((x, y) => x.Stage != y.Stage ? x.Stage.CompareTo(y.Stage) : x.Position.CompareTo(y.Position));
        var stages = new List<Stage>();
        for (var s = 0; s < DesignedJourney.DefaultStages.Count; s++)
        {
            if (drafted.Exists(d => d.Stage == s))
            {
                stages.Add(DesignedJourney.DefaultStages[s]);
            }
        }

        return new DesignedJourney(
            id,
            "Draft journey",
            null,
            $"Discovered from {log.CaseCount} cases with the Inductive Miner (noise {noiseThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}). Edit stages, lanes, channels and names.",
            [],
            stages,
            drafted.ConvertAll(d => d.Touchpoint),
            Relabel(tree, idOf),
            [],
            [],
            []);
    }

    /// <summary>The mean relative position of each activity's events in their cases; NaN for activities without events.</summary>
    private static double[] MeanRelativePositions(EventLog log)
    {
        var sums = new double[log.ActivityCount];
        var counts = new int[log.ActivityCount];
        var activities = log.Activities;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var start = log.CaseStarts[c];
            var length = log.CaseLength(c);
            for (var i = 0; i < length; i++)
            {
                var a = activities[start + i];
                sums[a] += length == 1 ? 0 : (double)i / (length - 1);
                counts[a]++;
            }
        }

        var means = new double[log.ActivityCount];
        for (var a = 0; a < means.Length; a++)
        {
            means[a] = counts[a] == 0 ? double.NaN : sums[a] / counts[a];
        }

        return means;
    }

    private static string?[] MostFrequentChannels(EventLog log)
    {
        var result = new string?[log.ActivityCount];
        var channel = log.Channel ?? log.FindEventAttribute("channel") as StringColumn;
        if (channel is null)
        {
            return result;
        }

        var counts = new Dictionary<(int Activity, int Channel), int>();
        var activities = log.Activities;
        var codes = channel.Codes;
        for (var e = 0; e < log.EventCount; e++)
        {
            if (codes[e] >= 0)
            {
                var key = (activities[e], codes[e]);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var best = new int[log.ActivityCount];
        foreach (var ((activity, code), count) in counts)
        {
            var current = result[activity];
            if (count > best[activity] || (count == best[activity] && current is not null && string.CompareOrdinal(channel.Dictionary[code], current) < 0))
            {
                best[activity] = count;
                result[activity] = channel.Dictionary[code];
            }
        }

        return result;
    }

    /// <summary>A touchpoint id from an activity name, unique among <paramref name="used"/>.</summary>
    internal static string UniqueSlug(string activity, HashSet<string> used)
    {
        var builder = new StringBuilder();
        foreach (var c in activity)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().TrimEnd('-');
        if (slug.Length == 0)
        {
            slug = "step";
        }

        var candidate = slug;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{slug}-{n}");
        }

        return candidate;
    }

    private static ProcessTree Relabel(ProcessTree tree, Dictionary<string, string> idOf) => tree.Operator == ProcessTreeOperator.Leaf
        ? tree.Label is null ? ProcessTree.Silent() : ProcessTree.Leaf(idOf[tree.Label])
        : ProcessTree.Node(tree.Operator, tree.Children.Select(c => Relabel(c, idOf)).ToList());
}
