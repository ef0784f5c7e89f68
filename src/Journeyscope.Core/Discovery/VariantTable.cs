using System.Numerics;

namespace Journeyscope.Discovery;

/// <summary>
/// Interns activity sequences: a 64-bit hash finds the candidate, an exact span comparison decides. Variant ids are
/// dense, in order of first insertion.
/// </summary>
/// <remarks>Open addressing with linear probing over a power-of-two table kept at most half full. Not thread-safe.</remarks>
internal sealed class VariantTable
{
    private readonly GrowBuffer<int> _activities = new(256);
    private readonly GrowBuffer<int> _starts = new(64);
    private readonly GrowBuffer<int> _lengths = new(64);
    private readonly GrowBuffer<ulong> _hashes = new(64);
    private int[] _slots = new int[128];

    public int Count => _starts.Count;

    public static ulong ComputeHash(ReadOnlySpan<int> trace)
    {
        var hash = 0x9E3779B97F4A7C15UL ^ (ulong)trace.Length;
        foreach (var activity in trace)
        {
            hash = BitOperations.RotateLeft(hash ^ ((ulong)(uint)activity * 0xBF58476D1CE4E5B9UL), 29) * 0x94D049BB133111EBUL;
        }

        hash ^= hash >> 31;
        hash *= 0xD6E8FEB86659FD93UL;
        return hash ^ (hash >> 32);
    }

    public ReadOnlySpan<int> Get(int id) => _activities.Span.Slice(_starts[id], _lengths[id]);

    public ulong HashOf(int id) => _hashes[id];

    /// <summary>The id of <paramref name="trace"/>, adding it when new (<paramref name="added"/> is then true).</summary>
    public int GetOrAdd(ReadOnlySpan<int> trace, ulong hash, out bool added)
    {
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (ulong)mask);
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            var id = entry - 1;
            if (_hashes[id] == hash && _lengths[id] == trace.Length && Get(id).SequenceEqual(trace))
            {
                added = false;
                return id;
            }

            slot = (slot + 1) & mask;
        }

        var newId = Count;
        _starts.Add(_activities.Count);
        _lengths.Add(trace.Length);
        _hashes.Add(hash);
        _activities.AddRange(trace);
        _slots[slot] = newId + 1;
        if (Count * 2 > _slots.Length)
        {
            Rehash();
        }

        added = true;
        return newId;
    }

    private void Rehash()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = (int)(_hashes[id] & (ulong)mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = id + 1;
        }

        _slots = slots;
    }
}
