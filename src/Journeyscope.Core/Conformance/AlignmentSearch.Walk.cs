using System.Runtime.CompilerServices;

namespace Journeyscope.Conformance;

internal sealed partial class AlignmentSearch
{
    private RawMove[] _walk = new RawMove[64];

    /// <summary>
    /// Follows the exact costs to go from the initial marking: at each step it takes the first move whose cost plus the
    /// cost to go after it equals the cost to go before it (synchronous, then log, then silent, then model moves), so the
    /// alignment is optimal by construction. Null when the final marking is unreachable.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RawAlignment? Walk(MarkingGraph graph, SuffixCosts costs, ReadOnlySpan<int> trace)
    {
        var n = trace.Length;
        var labelIds = _net.TransitionLabelIds;
        var marking = graph.Initial;
        var position = 0;
        var moves = 0;
        var deviations = 0;
        var silent = 0;
        var here = costs.Layer(n)[marking];
        if (here == SuffixCosts.Unreachable)
        {
            return null;
        }

        while (position < n || marking != graph.Final)
        {
            var layer = costs.Layer(n - position);
            var after = position < n ? costs.Layer(n - position - 1) : default;
            var transitions = graph.EdgeTransitions(marking);
            var targets = graph.EdgeTargets(marking);
            var kind = MoveKind.SilentMove;
            var transition = -1;
            var target = -1;
            if (position < n)
            {
                var label = trace[position];
                for (var e = 0; e < transitions.Length && target < 0; e++)
                {
                    if (labelIds[transitions[e]] == label && label >= 0 && after[targets[e]] == here)
                    {
                        (kind, transition, target) = (MoveKind.Synchronous, transitions[e], targets[e]);
                    }
                }

                if (target < 0 && after[marking] != SuffixCosts.Unreachable && after[marking] + AlignmentCosts.Deviation == here)
                {
                    (kind, target) = (MoveKind.LogMove, marking);
                }
            }

            for (var pass = 0; pass < 2 && target < 0; pass++)
            {
                for (var e = 0; e < transitions.Length && target < 0; e++)
                {
                    var isSilent = labelIds[transitions[e]] < 0;
                    var step = isSilent ? AlignmentCosts.Silent : AlignmentCosts.Deviation;
                    var next = layer[targets[e]];
                    if (isSilent == (pass == 0) && next != SuffixCosts.Unreachable && next + step == here)
                    {
                        (kind, transition, target) = (isSilent ? MoveKind.SilentMove : MoveKind.ModelMove, transitions[e], targets[e]);
                    }
                }
            }

            if (target < 0)
            {
                throw new InvalidOperationException("The alignment cost table is inconsistent with the marking graph.");
            }

            if (moves == _walk.Length)
            {
                Array.Resize(ref _walk, moves * 2);
            }

            _walk[moves++] = new RawMove(kind, transition, position);
            switch (kind)
            {
                case MoveKind.Synchronous:
                    position++;
                    break;
                case MoveKind.LogMove:
                    position++;
                    deviations++;
                    here -= AlignmentCosts.Deviation;
                    break;
                case MoveKind.ModelMove:
                    deviations++;
                    here -= AlignmentCosts.Deviation;
                    break;
                default:
                    silent++;
                    here -= AlignmentCosts.Silent;
                    break;
            }

            marking = target;
        }

        return new RawAlignment(_walk.AsSpan(0, moves).ToArray(), deviations, silent);
    }
}
