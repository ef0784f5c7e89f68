using Journeyscope.Filters;
using Journeyscope.Journeys;

namespace Journeyscope.Simulation;

/// <summary>
/// The designed flow of a journey compiled for playing out: flow nodes as flat arrays (kind, children, leaf step, skip,
/// choice weights, repeat probability) and one step per touchpoint (activity, lane, channel, resource, delay, the named
/// retail step it is, the attribute values its rule's conditions ask for). Built once per run, read by every thread.
/// </summary>
internal sealed partial class JourneyProgram
{
    public const byte NoRole = byte.MaxValue;

    private readonly Dictionary<string, int> _activityCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _channelCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _resourceCodes = new(StringComparer.Ordinal);
    private readonly List<ProcessTreeOperator> _kind = [];
    private readonly List<int[]> _children = [];
    private readonly List<int> _step = [];

    public JourneyProgram(DesignedJourney journey, Scenario scenario)
    {
        Journey = journey;
        var retailNames = Catalog.Activities(scenario.Problems.DriftActivity);
        foreach (var channel in Catalog.Channels)
        {
            Intern(_channelCodes, Channels, channel);
        }

        foreach (var resource in Catalog.Resources)
        {
            Intern(_resourceCodes, Resources, resource);
        }

        var touchpoints = journey.Touchpoints;
        StepCount = touchpoints.Count;
        StepActivity = new int[StepCount];
        StepActivities = new int[StepCount][];
        StepLane = new BlueprintLane[StepCount];
        StepChannel = new int[StepCount];
        StepResource = new int[StepCount];
        StepRole = new byte[StepCount];
        StepDelay = new SimulatedDelay[StepCount];
        StepExplicitDelay = new bool[StepCount];
        StepEventValues = new (string Attribute, string Value)[StepCount][];
        StepCaseValues = new (string Attribute, string Value)[StepCount][];
        StepKnobs = new TouchpointKnobs?[StepCount];
        StepStage = new string[StepCount];
        var stepOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < StepCount; s++)
        {
            var touchpoint = touchpoints[s];
            stepOf.TryAdd(touchpoint.Id, s);
            var activities = new int[Math.Max(1, touchpoint.Rule.Activities.Count)];
            activities[0] = Intern(_activityCodes, ActivityNames, ActivityNameOf(touchpoint));
            for (var a = 1; a < activities.Length; a++)
            {
                activities[a] = Intern(_activityCodes, ActivityNames, touchpoint.Rule.Activities[a]);
            }

            StepActivity[s] = activities[0];
            StepActivities[s] = activities;
            StepLane[s] = touchpoint.Lane;
            StepStage[s] = touchpoint.Stage;
            StepChannel[s] = touchpoint.Channel is { Length: > 0 } designed ? Intern(_channelCodes, Channels, designed) : -1;
            StepResource[s] = Intern(_resourceCodes, Resources, ResourceOf(touchpoint));
            scenario.Touchpoints.TryGetValue(touchpoint.Id, out var knobs);
            StepKnobs[s] = knobs;
            StepExplicitDelay[s] = knobs?.Delay is not null;
            StepDelay[s] = knobs?.Delay ?? (scenario.LaneDelays.TryGetValue(touchpoint.Lane, out var lane) ? lane : SimulatedDelay.Minutes(3));
            var (eventValues, caseValues) = ConditionValues(touchpoint.Rule.Conditions);
            StepEventValues[s] = eventValues;
            StepCaseValues[s] = caseValues;
            foreach (var (attribute, value) in eventValues)
            {
                if (string.Equals(attribute, "channel", StringComparison.Ordinal))
                {
                    StepChannel[s] = Intern(_channelCodes, Channels, value);
                }
            }
        }

        DriftActivity = Intern(_activityCodes, ActivityNames, scenario.Problems.DriftActivity);
        ActivityRole = new byte[ActivityNames.Count];
        for (var a = 0; a < ActivityRole.Length; a++)
        {
            var role = Array.IndexOf(retailNames, ActivityNames[a]);
            ActivityRole[a] = role < 0 || role == Catalog.DriftStep ? NoRole : (byte)role;
        }

        for (var s = 0; s < StepCount; s++)
        {
            StepRole[s] = ActivityRole[StepActivity[s]];
        }

        var flow = journey.Flow ?? DefaultFlow(journey);
        Root = Compile(flow, stepOf);
        Kind = [.. _kind];
        Children = [.. _children];
        Step = [.. _step];
        FinishNodes(scenario);
    }

    public DesignedJourney Journey { get; }

    public int StepCount { get; }

    public int Root { get; }

    public int DriftActivity { get; }

    public List<string> ActivityNames { get; } = [];

    public List<string> Channels { get; } = [];

    public List<string> Resources { get; } = [];

#pragma warning disable CA1819 // Internal lookup tables, read in the generator's loop.
    public byte[] ActivityRole { get; }

    public int[] StepActivity { get; }

    public int[][] StepActivities { get; }

    public BlueprintLane[] StepLane { get; }

    public string[] StepStage { get; }

    public int[] StepChannel { get; }

    public int[] StepResource { get; }

    public byte[] StepRole { get; }

    public SimulatedDelay[] StepDelay { get; }

    public bool[] StepExplicitDelay { get; }

    public TouchpointKnobs?[] StepKnobs { get; }

    public (string Attribute, string Value)[][] StepEventValues { get; }

    public (string Attribute, string Value)[][] StepCaseValues { get; }

    public ProcessTreeOperator[] Kind { get; }

    public int[][] Children { get; }

    /// <summary>Per node: the step of a visible leaf; -1 for a silent leaf and for operators.</summary>
    public int[] Step { get; }
#pragma warning restore CA1819

    /// <summary>The code of a named retail activity when the journey has it, else -1.</summary>
    public int ActivityOf(string name) => _activityCodes.TryGetValue(name, out var code) ? code : -1;

    /// <summary>The channel code of a name, if the table has it, else -1.</summary>
    public int ChannelOf(string name) => _channelCodes.TryGetValue(name, out var code) ? code : -1;

    private static int Intern(Dictionary<string, int> codes, List<string> names, string name)
    {
        if (!codes.TryGetValue(name, out var code))
        {
            code = names.Count;
            names.Add(name);
            codes.Add(name, code);
        }

        return code;
    }

    /// <summary>The activity a touchpoint's events get: the first activity of its rule, or an example of its pattern.</summary>
    private static string ActivityNameOf(Touchpoint touchpoint)
    {
        if (touchpoint.Rule.Activities.Count > 0)
        {
            return touchpoint.Rule.Activities[0];
        }

        return touchpoint.Rule.ActivityPattern is { } pattern ? PatternExample.Of(pattern, touchpoint.Name) : touchpoint.Name;
    }

    private static string ResourceOf(Touchpoint touchpoint)
    {
        if (touchpoint.Lane == BlueprintLane.CustomerAction)
        {
            return "customer";
        }

        var owner = touchpoint.Owner is { Length: > 0 } name ? name : Scenario.LaneKey(touchpoint.Lane);
        return owner.Trim().ToLowerInvariant().Replace(' ', '-');
    }

    /// <summary>The attribute values that make a rule's <c>event.x == v</c> and <c>case.x == v</c> (or <c>in</c>) conditions hold.</summary>
    private static ((string, string)[] Events, (string, string)[] Cases) ConditionValues(IReadOnlyList<string> conditions)
    {
        if (conditions.Count == 0)
        {
            return ([], []);
        }

        var events = new List<(string, string)>();
        var cases = new List<(string, string)>();
        foreach (var text in conditions)
        {
            LogFilter filter;
            try
            {
                filter = FilterParser.Parse(text);
            }
            catch (FilterParseException)
            {
                continue;
            }

            switch (filter)
            {
                case EventAttributeFilter { Negate: false, Values.Count: > 0 } e:
                    events.Add((e.Attribute, e.Values[0]));
                    break;
                case CaseAttributeFilter { Negate: false, Values.Count: > 0 } c:
                    cases.Add((c.Attribute, c.Values[0]));
                    break;
            }
        }

        return ([.. events], [.. cases]);
    }

    /// <summary>Without a designed flow every touchpoint is played once, in stage order and then listing order.</summary>
    private static ProcessTree DefaultFlow(DesignedJourney journey)
    {
        var leaves = new List<ProcessTree>();
        foreach (var stage in journey.Stages)
        {
            foreach (var touchpoint in journey.Touchpoints)
            {
                if (string.Equals(touchpoint.Stage, stage.Id, StringComparison.Ordinal))
                {
                    leaves.Add(ProcessTree.Leaf(touchpoint.Id));
                }
            }
        }

        foreach (var touchpoint in journey.Touchpoints)
        {
            if (journey.FindStage(touchpoint.Stage) is null)
            {
                leaves.Add(ProcessTree.Leaf(touchpoint.Id));
            }
        }

        return leaves.Count == 0 ? ProcessTree.Silent() : ProcessTree.Node(ProcessTreeOperator.Sequence, leaves);
    }

    private int Compile(ProcessTree tree, Dictionary<string, int> stepOf)
    {
        var node = _kind.Count;
        _kind.Add(tree.Operator);
        _children.Add([]);
        _step.Add(tree.Operator == ProcessTreeOperator.Leaf && tree.Label is { } label && stepOf.TryGetValue(label, out var step) ? step : -1);
        if (tree.Children.Count > 0)
        {
            var children = new int[tree.Children.Count];
            for (var i = 0; i < children.Length; i++)
            {
                children[i] = Compile(tree.Children[i], stepOf);
            }

            _children[node] = children;
        }

        return node;
    }
}
