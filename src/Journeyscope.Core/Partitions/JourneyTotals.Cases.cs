namespace Journeyscope.Partitions;

public sealed partial class JourneyTotals
{
    /// <summary>Number of variant indices in use (some may have no case left); see <see cref="VariantCases"/>.</summary>
    internal int VariantSlots => _variants.Count;

    /// <summary>The cases' variant indices in key order (the whole log's case order); -1 marks a removed case.</summary>
    internal ReadOnlySpan<int> OrderedVariants => _slotVariants.AsSpan(0, _slots);

    /// <summary>The activity sequence of variant <paramref name="variant"/>.</summary>
    internal string[] VariantSequence(int variant) => _variants[variant].Sequence;

    /// <summary>The dictionary key of variant <paramref name="variant"/> (<see cref="JourneyPartial.VariantKey"/>).</summary>
    internal string VariantKey(int variant) => _variants[variant].Key;

    /// <summary>How many cases follow variant <paramref name="variant"/> now.</summary>
    internal int VariantCases(int variant) => _variants[variant].Count;

    /// <summary>The slot of the live case with key <paramref name="key"/>; -1 when none.</summary>
    private int FindSlot(long key)
    {
        var at = LowerBound(key);
        return at < _slots && _keys[at] == key && _slotVariants[at] >= 0 ? at : -1;
    }

    /// <summary>Puts a case in key order: a new largest key is appended, a tombstone of the same key reused.</summary>
    private void InsertSlot(long key, int variant, string id)
    {
        var at = _slots > 0 && key > _keys[_slots - 1] ? _slots : LowerBound(key);
        if (at < _slots && _keys[at] == key && _slotVariants[at] < 0)
        {
            _slotVariants[at] = variant;
            _slotIds[at] = id;
            return;
        }

        if (_slots == _keys.Length)
        {
            var capacity = Math.Max(16, _slots * 2);
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _slotVariants, capacity);
            Array.Resize(ref _slotIds, capacity);
        }

        // An earlier key (an identity merge gave a case an earlier first event): shift the later cases once.
        Array.Copy(_keys, at, _keys, at + 1, _slots - at);
        Array.Copy(_slotVariants, at, _slotVariants, at + 1, _slots - at);
        Array.Copy(_slotIds, at, _slotIds, at + 1, _slots - at);
        _keys[at] = key;
        _slotVariants[at] = variant;
        _slotIds[at] = id;
        _slots++;
    }

    /// <summary>The id of the live case with key <paramref name="key"/>.</summary>
    private string IdOf(long key) => _slotIds[FindSlot(key)]!;

    private int LowerBound(long key)
    {
        var lo = 0;
        var hi = _slots;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_keys[mid] < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private void CompactSlots()
    {
        var kept = 0;
        for (var s = 0; s < _slots; s++)
        {
            if (_slotVariants[s] >= 0)
            {
                _keys[kept] = _keys[s];
                _slotVariants[kept] = _slotVariants[s];
                _slotIds[kept] = _slotIds[s];
                kept++;
            }
        }

        Array.Clear(_slotIds, kept, _slots - kept);
        _slots = kept;
    }
}
