using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Journeys;

/// <summary>
/// The mapping of a log's events to a journey's touchpoints, compiled once per (journey, log): each event maps to the
/// first touchpoint (in file order) whose rule matches it, or to none.
/// </summary>
/// <remarks>
/// Activity names and regular expressions are evaluated once per distinct activity, never per event. <c>where</c>
/// conditions are evaluated once per touchpoint over the attribute columns (string values through their dictionary
/// codes), and only events whose activity can map to a conditional touchpoint look at them. O(events × conditional
/// touchpoints) in the worst case, O(events) when no rule has conditions. Thread-safe once built.
/// </remarks>
public sealed class TouchpointMapping
{
    private readonly DesignedJourney _journey;
    private readonly EventLog _log;
    private readonly int[] _eventTouchpoint;
    private readonly int[] _touchpointEventCounts;
    private readonly int[] _ruleMatchCounts;

    private TouchpointMapping(DesignedJourney journey, EventLog log, int[] eventTouchpoint, int[] touchpointEventCounts, int[] ruleMatchCounts)
    {
        _journey = journey;
        _log = log;
        _eventTouchpoint = eventTouchpoint;
        _touchpointEventCounts = touchpointEventCounts;
        _ruleMatchCounts = ruleMatchCounts;
    }

    /// <summary>For each event, the index of its touchpoint in the journey's touchpoints, or -1.</summary>
    public ReadOnlySpan<int> EventTouchpoint => _eventTouchpoint;

    /// <summary>For each touchpoint, how many events map to it (the first matching touchpoint wins).</summary>
    public IReadOnlyList<int> TouchpointEventCounts => _touchpointEventCounts;

    /// <summary>For each touchpoint, how many events its rule matches on its own, ignoring earlier touchpoints.</summary>
    public IReadOnlyList<int> RuleMatchCounts => _ruleMatchCounts;

    /// <summary>Compiles the journey's rules against the log and maps every event.</summary>
    /// <exception cref="ArgumentException">A rule's regular expression is invalid, or a condition is not an attribute condition.</exception>
    /// <exception cref="FilterParseException">A condition does not follow the filter syntax (the validator reports both as JS004).</exception>
    public static TouchpointMapping Compile(DesignedJourney journey, EventLog log)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(log);
        var touchpoints = journey.Touchpoints;
        var rules = new CompiledRule[touchpoints.Count];
        for (var t = 0; t < rules.Length; t++)
        {
            rules[t] = CompiledRule.Create(touchpoints[t].Rule, log);
        }

        // For each activity, the touchpoints its name can map to, in file order, up to the first unconditional one.
        var candidates = new int[log.ActivityCount][];
        var scratch = new List<int>();
        for (var a = 0; a < candidates.Length; a++)
        {
            scratch.Clear();
            for (var t = 0; t < rules.Length; t++)
            {
                if (rules[t].Activities[a])
                {
                    scratch.Add(t);
                    if (rules[t].Conditions is null)
                    {
                        break;
                    }
                }
            }

            candidates[a] = scratch.ToArray();
        }

        var activities = log.Activities;
        var eventTouchpoint = new int[log.EventCount];
        var counts = new int[rules.Length];
        for (var e = 0; e < eventTouchpoint.Length; e++)
        {
            var chosen = -1;
            foreach (var t in candidates[activities[e]])
            {
                var conditions = rules[t].Conditions;
                if (conditions is null || conditions[e])
                {
                    chosen = t;
                    break;
                }
            }

            eventTouchpoint[e] = chosen;
            if (chosen >= 0)
            {
                counts[chosen]++;
            }
        }

        var ruleCounts = new int[rules.Length];
        for (var t = 0; t < rules.Length; t++)
        {
            ruleCounts[t] = rules[t].CountMatches(activities);
        }

        return new TouchpointMapping(journey, log, eventTouchpoint, counts, ruleCounts);
    }

    /// <summary>Maps a log to a journey's touchpoints: see <see cref="MappedLog"/>.</summary>
    public static MappedLog Map(EventLog log, DesignedJourney journey) => Compile(journey, log).ToMappedLog();

    /// <summary>How many events of <paramref name="log"/> the rule matches.</summary>
    /// <exception cref="ArgumentException">The rule's regular expression is invalid, or a condition is not an attribute condition.</exception>
    /// <exception cref="FilterParseException">A condition does not follow the filter syntax.</exception>
    public static int CountMatches(TouchpointRule rule, EventLog log)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(log);
        return CompiledRule.Create(rule, log).CountMatches(log.Activities);
    }

    /// <summary>
    /// Per event of <paramref name="log"/>: whether the rule matches it on its own (activity and every condition),
    /// whatever other touchpoints match first. KPIs and VoC use it when they name a touchpoint.
    /// </summary>
    /// <exception cref="ArgumentException">The rule's regular expression is invalid, or a condition is not an attribute condition.</exception>
    /// <exception cref="FilterParseException">A condition does not follow the filter syntax.</exception>
    public static bool[] MatchingEvents(TouchpointRule rule, EventLog log)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(log);
        var compiled = CompiledRule.Create(rule, log);
        var activities = log.Activities;
        var events = new bool[activities.Length];
        for (var e = 0; e < events.Length; e++)
        {
            events[e] = compiled.Activities[activities[e]] && (compiled.Conditions is null || compiled.Conditions[e]);
        }

        return events;
    }

    /// <summary>
    /// Per name in <paramref name="activityNames"/>: whether the rule lists it or its pattern matches the whole name
    /// (conditions are not considered).
    /// </summary>
    /// <exception cref="ArgumentException">The rule's regular expression is invalid.</exception>
    public static bool[] MatchingActivities(TouchpointRule rule, IReadOnlyList<string> activityNames)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(activityNames);
        var matches = new bool[activityNames.Count];
        var listed = new HashSet<string>(rule.Activities, StringComparer.Ordinal);
        var pattern = rule.ActivityPattern is null
            ? null
            : ActivityPattern.Compile(rule.ActivityPattern);
        for (var a = 0; a < matches.Length; a++)
        {
            matches[a] = listed.Contains(activityNames[a]) || (pattern is not null && pattern.IsMatch(activityNames[a]));
        }

        return matches;
    }

    /// <summary>The log with touchpoint ids as activities for mapped events; see <see cref="MappedLog"/>.</summary>
    public MappedLog ToMappedLog()
    {
        var touchpoints = _journey.Touchpoints;
        var names = new List<string>(touchpoints.Count);
        var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var touchpointCode = new int[touchpoints.Count];
        for (var t = 0; t < touchpoints.Count; t++)
        {
            touchpointCode[t] = Intern(touchpoints[t].Id, names, codeOf);
        }

        var originalNames = _log.ActivityNames;
        var activityCode = new int[originalNames.Count];
        Array.Fill(activityCode, -1);
        var unmappedPerActivity = new int[originalNames.Count];
        var activities = _log.Activities;
        var mapped = new int[activities.Length];
        var unmapped = 0;
        for (var e = 0; e < mapped.Length; e++)
        {
            var t = _eventTouchpoint[e];
            if (t >= 0)
            {
                mapped[e] = touchpointCode[t];
                continue;
            }

            var a = activities[e];
            if (activityCode[a] < 0)
            {
                activityCode[a] = Intern(originalNames[a], names, codeOf);
            }

            mapped[e] = activityCode[a];
            unmappedPerActivity[a]++;
            unmapped++;
        }

        var unmappedCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < unmappedPerActivity.Length; a++)
        {
            if (unmappedPerActivity[a] > 0)
            {
                unmappedCounts[originalNames[a]] = unmappedPerActivity[a];
            }
        }

        var log = WithActivities(_log, mapped, names.ToArray());
        return new MappedLog(_journey, log, _eventTouchpoint, _touchpointEventCounts, unmappedCounts, unmapped);
    }

    /// <summary>The same log with other activity codes and names; every other column is shared, not copied.</summary>
    private static EventLog WithActivities(EventLog log, int[] activities, string[] names) => new(
        log.CaseIds as string[] ?? [.. log.CaseIds],
        log.CaseStarts.ToArray(),
        activities,
        names,
        log.Timestamps.ToArray(),
        log.HasOffsets ? log.OffsetMinutes.ToArray() : null,
        new EventLogStandardColumns(log.Lifecycle, log.Resource, log.Channel, log.StartTimestamps),
        log.EventAttributes as AttributeColumn[] ?? [.. log.EventAttributes],
        log.CaseAttributes as AttributeColumn[] ?? [.. log.CaseAttributes],
        log.TimeBasis);

    private static int Intern(string name, List<string> names, Dictionary<string, int> codeOf)
    {
        if (!codeOf.TryGetValue(name, out var code))
        {
            code = names.Count;
            names.Add(name);
            codeOf.Add(name, code);
        }

        return code;
    }

    /// <summary>A rule evaluated against one log: which activities it names, and which events satisfy its conditions.</summary>
    private sealed class CompiledRule(bool[] activities, bool[]? conditions)
    {
        /// <summary>Per activity code: the name is listed or matches the pattern.</summary>
        public bool[] Activities { get; } = activities;

        /// <summary>Per event: every condition holds; <c>null</c> when the rule has no conditions.</summary>
        public bool[]? Conditions { get; } = conditions;

        public static CompiledRule Create(TouchpointRule rule, EventLog log) =>
            new(MatchingActivities(rule, log.ActivityNames), rule.Conditions.Count == 0 ? null : EvaluateConditions(rule.Conditions, log));

        public int CountMatches(ReadOnlySpan<int> eventActivities)
        {
            var count = 0;
            for (var e = 0; e < eventActivities.Length; e++)
            {
                if (Activities[eventActivities[e]] && (Conditions is null || Conditions[e]))
                {
                    count++;
                }
            }

            return count;
        }

        private static bool[] EvaluateConditions(IReadOnlyList<string> conditions, EventLog log)
        {
            var events = new bool[log.EventCount];
            Array.Fill(events, true);
            bool[]? cases = null;
            foreach (var text in conditions)
            {
                switch (FilterParser.Parse(text))
                {
                    case EventAttributeFilter eventFilter:
                        eventFilter.Prepare(log).Apply(0, events.Length, events);
                        break;
                    case CaseAttributeFilter caseFilter:
                        if (cases is null)
                        {
                            cases = new bool[log.CaseCount];
                            Array.Fill(cases, true);
                        }

                        caseFilter.Prepare(log, cases).Apply(0, cases.Length, cases);
                        break;
                    default:
                        throw new ArgumentException(
                            $"The condition '{text}' is not an event.<attribute> or case.<attribute> condition.", nameof(conditions));
                }
            }

            if (cases is not null)
            {
                var starts = log.CaseStarts;
                for (var c = 0; c < cases.Length; c++)
                {
                    if (!cases[c])
                    {
                        events.AsSpan(starts[c], starts[c + 1] - starts[c]).Clear();
                    }
                }
            }

            return events;
        }
    }
}
