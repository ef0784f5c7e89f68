namespace Journeyscope.Conformance;

/// <summary>Builds an immutable <see cref="PetriNet"/>: add places, transitions and arcs, set the markings, then <see cref="Build"/>.</summary>
/// <remarks>Arcs between the same place and transition in the same direction are merged by adding their weights. Not thread-safe.</remarks>
public sealed class PetriNetBuilder
{
    private readonly List<PetriNetPlace> _places = [];
    private readonly List<PetriNetTransition> _transitions = [];
    private readonly List<PetriNetArc> _arcs = [];
    private readonly Dictionary<(int Place, int Transition, bool FromPlace), int> _arcIndex = [];
    private readonly Dictionary<string, int> _placeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _transitionIds = new(StringComparer.Ordinal);
    private readonly List<int> _initial = [];
    private readonly List<int> _final = [];

    /// <summary>Creates a builder for a net named <paramref name="name"/>.</summary>
    public PetriNetBuilder(string name = "net")
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The net's name.</summary>
    public string Name { get; set; }

    /// <summary>The number of places added so far.</summary>
    public int PlaceCount => _places.Count;

    /// <summary>The number of transitions added so far.</summary>
    public int TransitionCount => _transitions.Count;

    /// <summary>Adds a place and returns its index.</summary>
    /// <exception cref="ArgumentException">The id is empty or already used by a place.</exception>
    public int AddPlace(string id, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!_placeIds.TryAdd(id, _places.Count))
        {
            throw new ArgumentException($"A place with id '{id}' already exists.", nameof(id));
        }

        _places.Add(new PetriNetPlace(id, name ?? id));
        _initial.Add(0);
        _final.Add(0);
        return _places.Count - 1;
    }

    /// <summary>Adds a transition and returns its index; a <c>null</c> <paramref name="label"/> makes it silent.</summary>
    /// <exception cref="ArgumentException">The id is empty or already used by a transition, or the label is empty.</exception>
    public int AddTransition(string id, string? label, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (label is not null && label.Length == 0)
        {
            throw new ArgumentException("A visible transition needs a non-empty label; use null for a silent transition.", nameof(label));
        }

        if (!_transitionIds.TryAdd(id, _transitions.Count))
        {
            throw new ArgumentException($"A transition with id '{id}' already exists.", nameof(id));
        }

        _transitions.Add(new PetriNetTransition(id, name ?? label ?? id, label));
        return _transitions.Count - 1;
    }

    /// <summary>Adds an arc from place <paramref name="place"/> to transition <paramref name="transition"/> (an input of the transition).</summary>
    public PetriNetBuilder AddInputArc(int place, int transition, int weight = 1) => AddArc(place, transition, fromPlace: true, weight);

    /// <summary>Adds an arc from transition <paramref name="transition"/> to place <paramref name="place"/> (an output of the transition).</summary>
    public PetriNetBuilder AddOutputArc(int transition, int place, int weight = 1) => AddArc(place, transition, fromPlace: false, weight);

    /// <summary>Sets the tokens of <paramref name="place"/> in the initial marking.</summary>
    public PetriNetBuilder SetInitialTokens(int place, int tokens)
    {
        CheckPlace(place);
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        _initial[place] = tokens;
        return this;
    }

    /// <summary>Sets the tokens of <paramref name="place"/> in the final marking.</summary>
    public PetriNetBuilder SetFinalTokens(int place, int tokens)
    {
        CheckPlace(place);
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        _final[place] = tokens;
        return this;
    }

    /// <summary>The index of the place with id <paramref name="id"/>, or -1.</summary>
    public int FindPlace(string id) => _placeIds.GetValueOrDefault(id, -1);

    /// <summary>The index of the transition with id <paramref name="id"/>, or -1.</summary>
    public int FindTransition(string id) => _transitionIds.GetValueOrDefault(id, -1);

    /// <summary>Creates the immutable net. The builder can be used again afterwards.</summary>
    public PetriNet Build() =>
        new(Name, [.. _places], [.. _transitions], [.. _arcs], [.. _initial], [.. _final]);

    private PetriNetBuilder AddArc(int place, int transition, bool fromPlace, int weight)
    {
        CheckPlace(place);
        if ((uint)transition >= (uint)_transitions.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(transition), transition, "No such transition.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1);
        var key = (place, transition, fromPlace);
        if (_arcIndex.TryGetValue(key, out var existing))
        {
            var arc = _arcs[existing];
            _arcs[existing] = arc with { Weight = arc.Weight + weight };
        }
        else
        {
            _arcIndex.Add(key, _arcs.Count);
            _arcs.Add(new PetriNetArc(place, transition, fromPlace, weight));
        }

        return this;
    }

    private void CheckPlace(int place)
    {
        if ((uint)place >= (uint)_places.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(place), place, "No such place.");
        }
    }
}
