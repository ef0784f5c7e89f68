using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Deviations;

/// <summary>Hand-written mapped logs, journeys and alignments for the deviation analytics tests.</summary>
internal static class DeviationTestData
{
    public static readonly DateTime Origin = new(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>One event: activity (a touchpoint id or an unmapped name), minutes after the origin, optional channel.</summary>
    public readonly record struct Ev(string Activity, double Minutes, string? Channel = null);

    /// <summary>Builds a mapped log; case attributes are given as name=value pairs per case.</summary>
    public static EventLog Log(params (string CaseId, Ev[] Events, (string Name, string Value)[] Attributes)[] cases)
    {
        var builder = new EventLogBuilder();
        foreach (var (caseId, events, attributes) in cases)
        {
            foreach (var ev in events)
            {
                var index = builder.AddEvent(caseId, ev.Activity, Origin.Ticks + (long)(ev.Minutes * TimeSpan.TicksPerMinute));
                if (ev.Channel is not null)
                {
                    builder.SetChannel(index, ev.Channel);
                }
            }

            foreach (var (name, value) in attributes)
            {
                builder.SetCaseAttribute(caseId, name, AttributeValue.FromString(value));
            }
        }

        return builder.Build();
    }

    /// <summary>A case with events at minutes 0, 10, 20... and no attributes.</summary>
    public static (string, Ev[], (string, string)[]) Case(string caseId, params string[] activities) =>
        (caseId, activities.Select((a, i) => new Ev(a, i * 10)).ToArray(), []);

    /// <summary>
    /// An alignment written as moves: <c>a</c> synchronous, <c>+a</c> log move, <c>-a</c> model move, <c>~</c> silent.
    /// </summary>
    public static TraceAlignment Align(int shortestModelPathCost, params string[] moves)
    {
        var list = new List<AlignmentMove>();
        var position = 0;
        var cost = 0;
        foreach (var move in moves)
        {
            if (move == "~")
            {
                list.Add(new AlignmentMove(MoveKind.SilentMove, null, position));
            }
            else if (move[0] == '+')
            {
                list.Add(new AlignmentMove(MoveKind.LogMove, move[1..], position++));
                cost++;
            }
            else if (move[0] == '-')
            {
                list.Add(new AlignmentMove(MoveKind.ModelMove, move[1..], position));
                cost++;
            }
            else
            {
                list.Add(new AlignmentMove(MoveKind.Synchronous, move, position++));
            }
        }

        return new TraceAlignment(list, cost, position, shortestModelPathCost);
    }

    /// <summary>
    /// Groups the log's cases into variants and attaches the given alignment to each variant, keyed by the variant's
    /// activities joined with spaces. The alignment's log side must replay the variant (checked here).
    /// </summary>
    public static AlignmentResult Alignments(EventLog log, Dictionary<string, TraceAlignment> byVariant)
    {
        var keys = new List<string>();
        var caseVariants = new int[log.CaseCount];
        var cases = new List<List<int>>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            var key = string.Join(' ', log.CaseActivities(c).ToArray().Select(a => log.ActivityNames[a]));
            var v = keys.IndexOf(key);
            if (v < 0)
            {
                v = keys.Count;
                keys.Add(key);
                cases.Add([]);
            }

            caseVariants[c] = v;
            cases[v].Add(c);
        }

        var variants = new List<VariantAlignment>();
        for (var v = 0; v < keys.Count; v++)
        {
            var alignment = byVariant[keys[v]];
            var logSide = string.Join(' ', alignment.Moves.Where(m => m.Kind is MoveKind.Synchronous or MoveKind.LogMove).Select(m => m.Label));
            logSide.ShouldBe(keys[v], "the hand-written alignment must replay its variant");
            variants.Add(new VariantAlignment(keys[v].Split(' '), cases[v], alignment));
        }

        return new AlignmentResult(variants, caseVariants);
    }

    /// <summary>
    /// A shop journey: awareness (browse, web), purchase (checkout, web; pay, web), fulfilment (ship; deliver, store),
    /// flow browse, checkout, pay, ship, deliver in sequence, time target checkout to deliver within 1 hour.
    /// </summary>
    public static DesignedJourney Shop(ProcessTree? flow = null, IReadOnlyList<Persona>? personas = null, IReadOnlyList<TimeTarget>? targets = null) => new(
        "shop",
        "Shop",
        null,
        null,
        personas ?? [],
        [new Stage("awareness", "Awareness"), new Stage("purchase", "Purchase"), new Stage("fulfilment", "Fulfilment")],
        [
            Touchpoint("browse", "awareness", "web"),
            Touchpoint("checkout", "purchase", "web"),
            Touchpoint("pay", "purchase", "web"),
            Touchpoint("ship", "fulfilment", null),
            Touchpoint("deliver", "fulfilment", "store"),
        ],
        flow ?? ProcessTree.Parse("->( 'browse', 'checkout', 'pay', 'ship', 'deliver' )"),
        [],
        [],
        targets ?? [new TimeTarget("fast", "Checkout to delivery within 1 hour", "checkout", "deliver", TimeSpan.FromHours(1))]);

    private static Touchpoint Touchpoint(string id, string stage, string? channel) =>
        new(id, id.ToUpperInvariant(), stage, BlueprintLane.Frontstage, channel, null, new TouchpointRule([id], null, []));
}
