using Journeyscope.EventLogs;

namespace Journeyscope.Conformance;

// The event-level figures of a partial: integer tallies keyed by touchpoint and stage index (of the shared journey),
// activity names and channel texts, never by a log's dictionary codes, so partials of different logs merge.
public sealed partial class DeviationPartial
{
    private sealed class Tallies
    {
        private Tallies(int touchpoints, int stages)
        {
            TouchpointCases = new int[touchpoints];
            StageCases = new int[stages];
        }

        /// <summary>Whether a mapped log had a channel column (the standard one or a string attribute <c>channel</c>).</summary>
        public bool HasChannel { get; private set; }

        public int[] TouchpointCases { get; }

        public int[] StageCases { get; }

        /// <summary>Unmapped activity -> events, cases.</summary>
        public Dictionary<string, (int Events, int Cases)> Unmapped { get; } = new(StringComparer.Ordinal);

        /// <summary>(touchpoint, actual channel) -> events, cases.</summary>
        public Dictionary<(int Touchpoint, string Channel), (int Events, int Cases)> Mismatches { get; } = [];

        /// <summary>(stage, from touchpoint and channel, to touchpoint and channel) -> switches, cases, the first example cases by key.</summary>
        public Dictionary<(int Stage, int From, string FromChannel, int To, string ToChannel), SwitchTally> Switches { get; } = [];

        /// <summary>(from, to) touchpoint index + 1, 0 for the start or end of a case -> transitions, cases.</summary>
        public Dictionary<(int From, int To), (int Count, int Cases)> Transitions { get; } = [];

        public static Tallies Count(EventLog log, JourneyIndex index, long[] keys, int examples, CancellationToken cancellationToken)
        {
            var journey = index.Journey;
            var tallies = new Tallies(journey.Touchpoints.Count, journey.Stages.Count) { HasChannel = index.Channel is not null };
            var touchpointSeen = new int[journey.Touchpoints.Count];
            var stageSeen = new int[journey.Stages.Count];
            var activitySeen = new int[log.ActivityCount];
            Array.Fill(touchpointSeen, -1);
            Array.Fill(stageSeen, -1);
            Array.Fill(activitySeen, -1);
            var caseTransitions = new HashSet<(int, int)>();
            var caseMismatches = new HashSet<(int, string)>();
            var caseSwitches = new HashSet<(int, int, string, int, string)>();
            var lastTouchpoint = new int[journey.Stages.Count];
            var lastChannel = new string[journey.Stages.Count];
            var activities = log.Activities;
            for (var c = 0; c < log.CaseCount; c++)
            {
                if ((c & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                caseTransitions.Clear();
                caseMismatches.Clear();
                caseSwitches.Clear();
                Array.Fill(lastTouchpoint, -1);
                var previous = 0;
                var end = log.CaseStarts[c + 1];
                for (var e = log.CaseStarts[c]; e < end; e++)
                {
                    var a = activities[e];
                    var t = index.ActivityTouchpoint[a];
                    if (t < 0)
                    {
                        var name = log.ActivityNames[a];
                        tallies.Unmapped.TryGetValue(name, out var unmapped);
                        tallies.Unmapped[name] = (unmapped.Events + 1, activitySeen[a] == c ? unmapped.Cases : unmapped.Cases + 1);
                        activitySeen[a] = c;
                        continue;
                    }

                    var s = index.TouchpointStage[t];
                    if (touchpointSeen[t] != c)
                    {
                        touchpointSeen[t] = c;
                        tallies.TouchpointCases[t]++;
                        if (s >= 0 && stageSeen[s] != c)
                        {
                            stageSeen[s] = c;
                            tallies.StageCases[s]++;
                        }
                    }

                    Add(tallies.Transitions, caseTransitions, (previous, t + 1));
                    previous = t + 1;
                    if (index.Channel is { } channel && channel.Codes[e] is var code and >= 0)
                    {
                        tallies.CountChannel(index, t, s, channel.Dictionary[code], caseMismatches, caseSwitches, lastTouchpoint, lastChannel);
                    }
                }

                if (previous != 0)
                {
                    Add(tallies.Transitions, caseTransitions, (previous, 0));
                }

                foreach (var key in caseSwitches)
                {
                    tallies.Switches[key].Examples.Add((keys[c], log.CaseIds[c]));
                }
            }

            foreach (var tally in tallies.Switches.Values)
            {
                tally.Trim(examples);
            }

            return tallies;
        }

        public static Tallies Merge(int touchpoints, int stages, IReadOnlyList<DeviationPartial> partials, int examples)
        {
            var merged = new Tallies(touchpoints, stages);
            foreach (var partial in partials)
            {
                var tallies = partial._tallies;
                merged.HasChannel |= tallies.HasChannel;
                for (var t = 0; t < touchpoints; t++)
                {
                    merged.TouchpointCases[t] += tallies.TouchpointCases[t];
                }

                for (var s = 0; s < stages; s++)
                {
                    merged.StageCases[s] += tallies.StageCases[s];
                }

                Sum(merged.Unmapped, tallies.Unmapped);
                Sum(merged.Mismatches, tallies.Mismatches);
                Sum(merged.Transitions, tallies.Transitions);
                foreach (var (key, tally) in tallies.Switches)
                {
                    if (!merged.Switches.TryGetValue(key, out var into))
                    {
                        into = new SwitchTally();
                        merged.Switches.Add(key, into);
                    }

                    into.Switches += tally.Switches;
                    into.Cases += tally.Cases;
                    into.Examples.AddRange(tally.Examples);
                }
            }

            foreach (var tally in merged.Switches.Values)
            {
                tally.Trim(examples);
            }

            return merged;
        }

        private static void Add<TKey>(Dictionary<TKey, (int Count, int Cases)> counts, HashSet<TKey> inCase, TKey key)
            where TKey : notnull
        {
            counts.TryGetValue(key, out var count);
            counts[key] = (count.Count + 1, inCase.Add(key) ? count.Cases + 1 : count.Cases);
        }

        private static void Sum<TKey>(Dictionary<TKey, (int, int)> into, Dictionary<TKey, (int, int)> from)
            where TKey : notnull
        {
            foreach (var (key, (first, second)) in from)
            {
                into.TryGetValue(key, out var sum);
                into[key] = (sum.Item1 + first, sum.Item2 + second);
            }
        }

        /// <summary>A mismatch with the touchpoint's designed channel, and a switch from the stage's previous channelled event.</summary>
        private void CountChannel(
            JourneyIndex index, int t, int s, string value, HashSet<(int, string)> caseMismatches,
            HashSet<(int, int, string, int, string)> caseSwitches, int[] lastTouchpoint, string[] lastChannel)
        {
            var touchpoints = index.Journey.Touchpoints;
            if (touchpoints[t].Channel is { } designed && !string.Equals(designed, value, StringComparison.OrdinalIgnoreCase))
            {
                Add(Mismatches, caseMismatches, (t, value));
            }

            if (s < 0)
            {
                return;
            }

            var previous = lastTouchpoint[s];
            var previousChannel = lastChannel[s];
            lastTouchpoint[s] = t;
            lastChannel[s] = value;
            if (previous < 0 || string.Equals(previousChannel, value, StringComparison.OrdinalIgnoreCase)
                || DeviationAnalysis.IsPlanned(touchpoints[previous].Channel, previousChannel, touchpoints[t].Channel, value))
            {
                return;
            }

            var key = (s, previous, previousChannel, t, value);
            if (!Switches.TryGetValue(key, out var tally))
            {
                tally = new SwitchTally();
                Switches.Add(key, tally);
            }

            tally.Switches++;
            if (caseSwitches.Add(key))
            {
                tally.Cases++;
            }
        }
    }

    /// <summary>One unplanned switch: how often, in how many cases, and the first cases (key, id) by key.</summary>
    private sealed class SwitchTally
    {
        public int Switches { get; set; }

        public int Cases { get; set; }

        public List<(long Key, string Id)> Examples { get; } = [];

        /// <summary>Keeps the <paramref name="count"/> examples with the smallest keys, in key order.</summary>
        public void Trim(int count)
        {
            Examples.Sort((x, y) => x.Key.CompareTo(y.Key));
            var keep = Math.Max(0, count);
            if (Examples.Count > keep)
            {
                Examples.RemoveRange(keep, Examples.Count - keep);
            }
        }
    }
}
