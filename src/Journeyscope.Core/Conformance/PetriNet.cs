namespace Journeyscope.Conformance;

/// <summary>
/// An immutable place/transition net with an initial and a final marking: the model that alignments and token replay
/// check a log against. Built by a <see cref="PetriNetBuilder"/>, read from PNML, or converted from a process tree.
/// </summary>
/// <remarks>
/// Places and transitions are numbered from 0; a marking is an array of token counts indexed by place. The pre- and
/// post-sets of every transition are kept as compact int arrays (compressed rows) for the hot paths. Thread-safe.
/// </remarks>
public sealed class PetriNet
{
    private readonly PetriNetPlace[] _places;
    private readonly PetriNetTransition[] _transitions;
    private readonly PetriNetArc[] _arcs;
    private readonly int[] _initialMarking;
    private readonly int[] _finalMarking;
    private readonly int[] _inputStarts;
    private readonly int[] _inputPlaces;
    private readonly int[] _inputWeights;
    private readonly int[] _outputStarts;
    private readonly int[] _outputPlaces;
    private readonly int[] _outputWeights;

    internal PetriNet(string name, PetriNetPlace[] places, PetriNetTransition[] transitions, PetriNetArc[] arcs, int[] initialMarking, int[] finalMarking)
    {
        Name = name;
        _places = places;
        _transitions = transitions;
        _arcs = arcs;
        _initialMarking = initialMarking;
        _finalMarking = finalMarking;
        (_inputStarts, _inputPlaces, _inputWeights) = Rows(arcs, transitions.Length, fromPlace: true);
        (_outputStarts, _outputPlaces, _outputWeights) = Rows(arcs, transitions.Length, fromPlace: false);
        var labels = new List<string>();
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        TransitionLabelIds = new int[transitions.Length];
        for (var t = 0; t < transitions.Length; t++)
        {
            var label = transitions[t].Label;
            if (label is null)
            {
                TransitionLabelIds[t] = -1;
                continue;
            }

            if (!labelIndex.TryGetValue(label, out var id))
            {
                id = labels.Count;
                labels.Add(label);
                labelIndex.Add(label, id);
            }

            TransitionLabelIds[t] = id;
        }

        Labels = labels;
        LabelIndex = labelIndex;
    }

    /// <summary>The net's name (PNML net id or name).</summary>
    public string Name { get; }

    /// <summary>The places, indexed from 0.</summary>
    public IReadOnlyList<PetriNetPlace> Places => _places;

    /// <summary>The transitions, indexed from 0.</summary>
    public IReadOnlyList<PetriNetTransition> Transitions => _transitions;

    /// <summary>The arcs in the order they were added.</summary>
    public IReadOnlyList<PetriNetArc> Arcs => _arcs;

    /// <summary>The number of places.</summary>
    public int PlaceCount => _places.Length;

    /// <summary>The number of transitions.</summary>
    public int TransitionCount => _transitions.Length;

    /// <summary>The distinct labels of the visible transitions, in order of first appearance.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Tokens per place at the start.</summary>
    public ReadOnlySpan<int> InitialMarking => _initialMarking;

    /// <summary>Tokens per place that a complete run must end with.</summary>
    public ReadOnlySpan<int> FinalMarking => _finalMarking;

    /// <summary>For each transition, the index of its label in <see cref="Labels"/>, or -1 when it is silent.</summary>
    internal int[] TransitionLabelIds { get; }

    internal Dictionary<string, int> LabelIndex { get; }

    /// <summary>The input places of transition <paramref name="transition"/> (its pre-set).</summary>
    public ReadOnlySpan<int> InputPlaces(int transition) =>
        _inputPlaces.AsSpan(_inputStarts[transition], _inputStarts[transition + 1] - _inputStarts[transition]);

    /// <summary>The arc weights of <see cref="InputPlaces(int)"/>, in the same order.</summary>
    public ReadOnlySpan<int> InputWeights(int transition) =>
        _inputWeights.AsSpan(_inputStarts[transition], _inputStarts[transition + 1] - _inputStarts[transition]);

    /// <summary>The output places of transition <paramref name="transition"/> (its post-set).</summary>
    public ReadOnlySpan<int> OutputPlaces(int transition) =>
        _outputPlaces.AsSpan(_outputStarts[transition], _outputStarts[transition + 1] - _outputStarts[transition]);

    /// <summary>The arc weights of <see cref="OutputPlaces(int)"/>, in the same order.</summary>
    public ReadOnlySpan<int> OutputWeights(int transition) =>
        _outputWeights.AsSpan(_outputStarts[transition], _outputStarts[transition + 1] - _outputStarts[transition]);

    /// <summary>True when <paramref name="transition"/> is enabled in <paramref name="marking"/> (every input place holds enough tokens).</summary>
    public bool IsEnabled(int transition, ReadOnlySpan<int> marking)
    {
        var places = InputPlaces(transition);
        var weights = InputWeights(transition);
        for (var i = 0; i < places.Length; i++)
        {
            if (marking[places[i]] < weights[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Fires <paramref name="transition"/> in place: removes its input tokens and adds its output tokens.</summary>
    /// <remarks>The caller checks <see cref="IsEnabled(int, ReadOnlySpan{int})"/> first; firing a disabled transition leaves negative counts.</remarks>
    public void Fire(int transition, Span<int> marking)
    {
        var places = InputPlaces(transition);
        var weights = InputWeights(transition);
        for (var i = 0; i < places.Length; i++)
        {
            marking[places[i]] -= weights[i];
        }

        places = OutputPlaces(transition);
        weights = OutputWeights(transition);
        for (var i = 0; i < places.Length; i++)
        {
            marking[places[i]] += weights[i];
        }
    }

    /// <summary>The index of the place with id <paramref name="id"/>, or -1.</summary>
    public int FindPlace(string id) => Array.FindIndex(_places, p => string.Equals(p.Id, id, StringComparison.Ordinal));

    /// <summary>The index of the transition with id <paramref name="id"/>, or -1.</summary>
    public int FindTransition(string id) => Array.FindIndex(_transitions, t => string.Equals(t.Id, id, StringComparison.Ordinal));

    private static (int[] Starts, int[] Places, int[] Weights) Rows(PetriNetArc[] arcs, int transitionCount, bool fromPlace)
    {
        var starts = new int[transitionCount + 1];
        foreach (var arc in arcs)
        {
            if (arc.FromPlace == fromPlace)
            {
                starts[arc.Transition + 1]++;
            }
        }

        for (var t = 0; t < transitionCount; t++)
        {
            starts[t + 1] += starts[t];
        }

        var places = new int[starts[transitionCount]];
        var weights = new int[places.Length];
        var next = starts.AsSpan(0, transitionCount).ToArray();
        foreach (var arc in arcs)
        {
            if (arc.FromPlace == fromPlace)
            {
                var slot = next[arc.Transition]++;
                places[slot] = arc.Place;
                weights[slot] = arc.Weight;
            }
        }

        return (starts, places, weights);
    }
}
