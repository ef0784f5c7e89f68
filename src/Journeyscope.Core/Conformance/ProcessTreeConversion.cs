using System.Globalization;
using Journeyscope.Journeys;

namespace Journeyscope.Conformance;

/// <summary>Converts a process tree to a sound workflow net, the way PM4Py does.</summary>
/// <remarks>
/// Follows PM4Py's <c>process_tree.variants.to_petri_net</c>: a <c>source</c> place (initial marking) and a <c>sink</c>
/// place (final marking), a silent <c>tau</c> transition after the source / before the sink when the tree starts / ends
/// with a choice, parallel or loop; a sequence chains its children through places; a choice shares its start and end
/// places; a parallel node gets a silent <c>tauSplit</c> and <c>tauJoin</c>; a loop gets a silent <c>init_loop</c>, the do
/// part, the redo part, a silent <c>loop</c> back to the start and a silent <c>skip</c> exit. Then PM4Py's simple reduction
/// merges silent transitions that have a single input place fed by a single transition (and symmetrically on the
/// output side). The resulting net has the same places, transitions and silent steps per run as PM4Py's, so alignment
/// costs (including silent moves) agree. Transition ids are generated (<c>t_1</c>, <c>skip_3</c>, ...).
/// </remarks>
public static class ProcessTreeConversion
{
    /// <summary>Converts <paramref name="tree"/>; visible transitions are labelled with the leaf labels.</summary>
    public static PetriNet ToPetriNet(ProcessTree tree, string name = "process_tree")
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(name);
        var draft = new DraftNet();
        var source = draft.NewPlace();
        source.Name = "source";
        var sink = draft.NewPlace();
        sink.Name = "sink";
        var initialPlace = source;
        if (TauMandatoryAtStart(tree))
        {
            initialPlace = draft.NewPlace();
            var tau = draft.NewHidden("tau");
            DraftNet.Arc(source, tau);
            DraftNet.Arc(tau, initialPlace);
        }

        var finalPlace = sink;
        if (TauMandatoryAtEnd(tree))
        {
            finalPlace = draft.NewPlace();
            var tau = draft.NewHidden("tau");
            DraftNet.Arc(finalPlace, tau);
            DraftNet.Arc(tau, sink);
        }

        Add(draft, tree, initialPlace, finalPlace);
        draft.ReduceSingleEntryTransitions();
        draft.ReduceSingleExitTransitions();
        draft.RemoveDanglingPlaces(source, sink);
        return draft.Build(name, source, sink);
    }

    private static DraftNode Add(DraftNet net, ProcessTree tree, DraftNode initialEntity, DraftNode? finalEntity)
    {
        DraftNode initialPlace;
        if (!initialEntity.IsPlace)
        {
            initialPlace = net.NewPlace();
            DraftNet.Arc(initialEntity, initialPlace);
        }
        else
        {
            initialPlace = initialEntity;
        }

        DraftNode finalPlace;
        if (finalEntity is { IsPlace: true })
        {
            finalPlace = finalEntity;
        }
        else
        {
            finalPlace = net.NewPlace();
            if (finalEntity is not null)
            {
                DraftNet.Arc(finalPlace, finalEntity);
            }
        }

        switch (tree.Operator)
        {
            case ProcessTreeOperator.Leaf:
                var transition = tree.Label is null ? net.NewHidden("skip") : net.NewVisible(tree.Label);
                DraftNet.Arc(initialPlace, transition);
                DraftNet.Arc(transition, finalPlace);
                break;
            case ProcessTreeOperator.ExclusiveChoice:
                foreach (var child in tree.Children)
                {
                    Add(net, child, initialPlace, finalPlace);
                }

                break;
            case ProcessTreeOperator.Parallel:
                var split = net.NewHidden("tauSplit");
                DraftNet.Arc(initialPlace, split);
                var join = net.NewHidden("tauJoin");
                DraftNet.Arc(join, finalPlace);
                foreach (var child in tree.Children)
                {
                    Add(net, child, split, join);
                }

                break;
            case ProcessTreeOperator.Sequence:
                var intermediate = initialPlace;
                for (var i = 0; i < tree.Children.Count; i++)
                {
                    intermediate = Add(net, tree.Children[i], intermediate, i == tree.Children.Count - 1 ? finalPlace : null);
                }

                break;
            case ProcessTreeOperator.Loop:
                var loopStart = net.NewPlace();
                var initLoop = net.NewHidden("init_loop");
                DraftNet.Arc(initialPlace, initLoop);
                DraftNet.Arc(initLoop, loopStart);
                var back = net.NewHidden("loop");
                var afterDo = Add(net, tree.Children[0], loopStart, null);
                DraftNode? afterRedo = null;
                for (var i = 1; i < tree.Children.Count; i++)
                {
                    afterRedo = Add(net, tree.Children[i], afterDo, afterRedo);
                }

                Add(net, ProcessTree.Silent(), afterDo, finalPlace);
                DraftNet.Arc(afterRedo!, back);
                DraftNet.Arc(back, loopStart);
                break;
        }

        return finalPlace;
    }

    private static bool TauMandatoryAtStart(ProcessTree tree) =>
        InitialLoop(tree) || FirstTerminalCount(tree) > 1 || LoopToFirst(tree)
        || tree.Operator is ProcessTreeOperator.ExclusiveChoice or ProcessTreeOperator.Parallel;

    private static bool TauMandatoryAtEnd(ProcessTree tree) =>
        TerminalLoop(tree) || LastTerminalCount(tree) > 1 || LoopToLast(tree)
        || tree.Operator is ProcessTreeOperator.ExclusiveChoice or ProcessTreeOperator.Parallel;

    // PM4Py's check_initial_loop looks at the first child, then (as written there) follows the terminal side. These
    // follow one path down the tree, so they are loops rather than PM4Py's recursion.
    private static bool InitialLoop(ProcessTree tree) =>
        tree.Children.Count > 0 && tree.Children[0].Operator != ProcessTreeOperator.Leaf
        && (tree.Children[0].Operator == ProcessTreeOperator.Loop || TerminalLoop(tree.Children[0]));

    private static bool TerminalLoop(ProcessTree tree)
    {
        for (var node = tree; node.Children.Count > 0;)
        {
            var last = node.Children[^1];
            if (last.Operator == ProcessTreeOperator.Leaf)
            {
                return false;
            }

            if (last.Operator == ProcessTreeOperator.Loop)
            {
                return true;
            }

            node = last;
        }

        return false;
    }

    private static int FirstTerminalCount(ProcessTree tree)
    {
        for (var node = tree; node.Children.Count > 0; node = node.Children[0])
        {
            if (node.Children[0].Operator == ProcessTreeOperator.Leaf)
            {
                return 1;
            }
        }

        return 0;
    }

    private static int LastTerminalCount(ProcessTree tree)
    {
        for (var node = tree; node.Children.Count > 0; node = node.Children[^1])
        {
            if (node.Children[^1].Operator == ProcessTreeOperator.Leaf)
            {
                return 1;
            }
        }

        return 0;
    }

    private static bool LoopToFirst(ProcessTree tree)
    {
        for (var node = tree; ; node = node.Children[0])
        {
            if (node.Operator == ProcessTreeOperator.Loop)
            {
                return true;
            }

            if (node.Children.Count == 0)
            {
                return false;
            }
        }
    }

    private static bool LoopToLast(ProcessTree tree)
    {
        for (var node = tree; ; node = node.Children[^1])
        {
            if (node.Operator == ProcessTreeOperator.Loop)
            {
                return true;
            }

            if (node.Children.Count == 0)
            {
                return false;
            }
        }
    }

    private sealed class DraftNode(string name, bool isPlace, string? label)
    {
        public string Name { get; set; } = name;

        public bool IsPlace { get; } = isPlace;

        public string? Label { get; } = label;

        public List<DraftNode> In { get; } = [];

        public List<DraftNode> Out { get; } = [];

        public bool Removed { get; set; }
    }

    private sealed class DraftNet
    {
        private readonly List<DraftNode> _places = [];
        private readonly List<DraftNode> _transitions = [];
        private int _placeCount;
        private int _hiddenCount;
        private int _visibleCount;

        public static void Arc(DraftNode from, DraftNode to)
        {
            from.Out.Add(to);
            to.In.Add(from);
        }

        public DraftNode NewPlace()
        {
            var place = new DraftNode("p_" + (++_placeCount).ToString(CultureInfo.InvariantCulture), isPlace: true, label: null);
            _places.Add(place);
            return place;
        }

        public DraftNode NewHidden(string kind)
        {
            var transition = new DraftNode(kind + "_" + (++_hiddenCount).ToString(CultureInfo.InvariantCulture), isPlace: false, label: null);
            _transitions.Add(transition);
            return transition;
        }

        public DraftNode NewVisible(string label)
        {
            var transition = new DraftNode("t_" + (++_visibleCount).ToString(CultureInfo.InvariantCulture), isPlace: false, label);
            _transitions.Add(transition);
            return transition;
        }

        public void ReduceSingleEntryTransitions()
        {
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var t in _transitions)
                {
                    if (t.Removed || t.Label is not null || t.In.Count != 1)
                    {
                        continue;
                    }

                    var place = t.In[0];
                    if (place.In.Count == 1 && place.Out.Count == 1)
                    {
                        var feeder = place.In[0];
                        var targets = t.Out.ToList();
                        Remove(t);
                        Remove(place);
                        foreach (var target in targets)
                        {
                            Arc(feeder, target);
                        }

                        changed = true;
                        break;
                    }
                }
            }
        }

        public void ReduceSingleExitTransitions()
        {
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var t in _transitions)
                {
                    if (t.Removed || t.Label is not null || t.Out.Count != 1)
                    {
                        continue;
                    }

                    var place = t.Out[0];
                    if (place.In.Count == 1 && place.Out.Count == 1)
                    {
                        var consumer = place.Out[0];
                        var sources = t.In.ToList();
                        Remove(t);
                        Remove(place);
                        foreach (var source in sources)
                        {
                            Arc(source, consumer);
                        }

                        changed = true;
                        break;
                    }
                }
            }
        }

        public void RemoveDanglingPlaces(DraftNode source, DraftNode sink)
        {
            foreach (var place in _places)
            {
                if (!place.Removed && ((place.Out.Count == 0 && place != sink) || (place.In.Count == 0 && place != source)))
                {
                    Remove(place);
                }
            }
        }

        public PetriNet Build(string name, DraftNode source, DraftNode sink)
        {
            var builder = new PetriNetBuilder(name);
            var index = new Dictionary<DraftNode, int>();
            foreach (var place in _places.Where(p => !p.Removed))
            {
                index[place] = builder.AddPlace(place.Name);
            }

            foreach (var transition in _transitions.Where(t => !t.Removed))
            {
                index[transition] = builder.AddTransition(transition.Name, transition.Label, transition.Label ?? transition.Name);
            }

            foreach (var transition in _transitions.Where(t => !t.Removed))
            {
                foreach (var place in transition.In)
                {
                    builder.AddInputArc(index[place], index[transition]);
                }

                foreach (var place in transition.Out)
                {
                    builder.AddOutputArc(index[transition], index[place]);
                }
            }

            builder.SetInitialTokens(index[source], 1);
            builder.SetFinalTokens(index[sink], 1);
            return builder.Build();
        }

        private static void Remove(DraftNode node)
        {
            node.Removed = true;
            foreach (var from in node.In)
            {
                from.Out.Remove(node);
            }

            foreach (var to in node.Out)
            {
                to.In.Remove(node);
            }

            node.In.Clear();
            node.Out.Clear();
        }
    }
}
