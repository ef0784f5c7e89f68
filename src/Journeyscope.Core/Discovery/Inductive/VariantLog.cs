namespace Journeyscope.Discovery;

/// <summary>
/// A multiset of traces (activity sequences) in first-seen order, with its directly-follows graph, start and end
/// activities: the data the Inductive Miner recurses on.
/// </summary>
/// <remarks>Order of insertion is kept everywhere because PM4Py's results depend on it where it breaks ties.</remarks>
internal sealed class VariantLog
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public List<string[]> Traces { get; } = [];

    public List<long> Counts { get; } = [];

    public int Count => Traces.Count;

    public long TotalCount
    {
        get
        {
            long total = 0;
            foreach (var count in Counts)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>Adds <paramref name="count"/> to the trace (a Python <c>Counter.update</c>).</summary>
    public void Add(string[] trace, long count)
    {
        var key = string.Join('\u001f', trace);
        if (_index.TryGetValue(key, out var i))
        {
            Counts[i] += count;
            return;
        }

        _index.Add(key, Traces.Count);
        Traces.Add(trace);
        Counts.Add(count);
    }

    /// <summary>Sets the trace's count, replacing any earlier one (a Python <c>counter[t] = n</c>).</summary>
    public void Set(string[] trace, long count)
    {
        var key = string.Join('\u001f', trace);
        if (_index.TryGetValue(key, out var i))
        {
            Counts[i] = count;
            return;
        }

        _index.Add(key, Traces.Count);
        Traces.Add(trace);
        Counts.Add(count);
    }

    public bool HasEmptyTrace()
    {
        foreach (var trace in Traces)
        {
            if (trace.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The activities in first-seen order.</summary>
    public List<string> Alphabet()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var alphabet = new List<string>();
        foreach (var trace in Traces)
        {
            foreach (var activity in trace)
            {
                if (seen.Add(activity))
                {
                    alphabet.Add(activity);
                }
            }
        }

        return alphabet;
    }

    public InductiveDfg Dfg() => InductiveDfg.FromLog(this);
}
