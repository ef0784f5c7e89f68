namespace Journeyscope.Conformance;

/// <summary>
/// One customer's live alignment state: every marking of the net the prefix can have reached, with the cheapest raw
/// alignment cost of the prefix ending there (<see cref="PrefixAlignment"/>). Created by <see cref="PrefixAlignment.Start"/>.
/// </summary>
/// <remarks>Memory: 8 bytes per reachable marking at most (the net's state space bounds it). Not thread-safe.</remarks>
public sealed class PrefixAlignmentState
{
    internal PrefixAlignmentState(int[] markings, int[] costs, int count)
    {
        Markings = markings;
        Costs = costs;
        Count = count;
    }

    internal int[] Markings { get; set; }

    internal int[] Costs { get; set; }

    internal int Count { get; set; }

    /// <summary>Events consumed so far.</summary>
    public int Length { get; internal set; }

    /// <summary>The raw cost (10,000 per deviation, 1 per silent move) of the cheapest alignment of the prefix so far.</summary>
    public long PrefixRawCost
    {
        get
        {
            var best = long.MaxValue;
            for (var i = 0; i < Count; i++)
            {
                best = Math.Min(best, Costs[i]);
            }

            return best;
        }
    }

    /// <summary>Deviations of the prefix's optimal alignment so far.</summary>
    public int PrefixDeviations => (int)(PrefixRawCost / AlignmentCosts.Deviation);

    /// <summary>The markings the state holds (its memory, in entries).</summary>
    public int Size => Count;
}
