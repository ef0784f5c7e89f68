using System.Globalization;
using Journeyscope.Journeys;

namespace Journeyscope.IO.Journeys;

public static partial class JourneyValidator
{
    /// <summary>
    /// The most states (reachable markings of the flow's Petri net) a flow may have. Conformance aligns every case with the
    /// net, and the search holds the markings it meets (hundreds of bytes each): a parallel block of 22 touchpoints has
    /// 2^22 states and took 43 s and 2.5 GB to check five cases. 100,000 allows a parallel block of 16 touchpoints, or four
    /// parallel tracks of 16 steps each.
    /// </summary>
    public const int MaxFlowStates = 100_000;

    /// <summary>A JS023 error when the flow has more than <see cref="MaxFlowStates"/> states, at the block that crosses the limit.</summary>
    private static void CheckFlowSize(ProcessTree flow, SourceLocation fallback, List<JourneyDiagnostic> diagnostics)
    {
        ProcessTree? culprit = null;
        var states = States(flow, ref culprit);
        if (states > MaxFlowStates)
        {
            var at = culprit?.Location is { Line: > 0 } location ? location : fallback;
            diagnostics.Add(JourneyRules.FlowTooLarge(at, states, MaxFlowStates));
        }
    }

    /// <summary>
    /// An upper bound of the states of <paramref name="node"/>'s block (a leaf: before and after it; a sequence and a
    /// choice share their boundaries; a parallel block is every combination of its branches' states plus its split and
    /// join), in floating point so that it cannot overflow; <paramref name="culprit"/> is the first (lowest) block above
    /// the limit.
    /// </summary>
    private static double States(ProcessTree node, ref ProcessTree? culprit)
    {
        var children = node.Children;
        double states;
        switch (node.Operator)
        {
            case ProcessTreeOperator.Leaf:
                return 2;
            case ProcessTreeOperator.Parallel:
                states = 1;
                foreach (var child in children)
                {
                    states *= States(child, ref culprit);
                }

                states += 2;
                break;
            default:
                // Sequence, choice and loop: the children's states, their shared entries and exits counted once.
                states = 0;
                foreach (var child in children)
                {
                    states += States(child, ref culprit) - 1;
                }

                states += 1;
                break;
        }

        if (states > MaxFlowStates && culprit is null)
        {
            culprit = node;
        }

        return states;
    }

    /// <summary>A number of states as the message shows it: exact when small, rounded beyond.</summary>
    internal static string StatesText(double states) =>
        states < 1e7 ? states.ToString("N0", CultureInfo.InvariantCulture) : states.ToString("0.#e0", CultureInfo.InvariantCulture);
}
