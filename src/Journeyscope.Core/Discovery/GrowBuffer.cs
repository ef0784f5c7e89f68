using System.Diagnostics;

namespace Journeyscope.Discovery;

/// <summary>A growable array that hands out spans; the building block of the mergeable partial results.</summary>
/// <remarks>Not thread-safe. Capacity doubles, so appending n items costs O(n) amortised.</remarks>
internal sealed class GrowBuffer<T>
{
    private T[] _items;

    public GrowBuffer(int capacity)
    {
        _items = capacity <= 0 ? [] : new T[capacity];
    }

    public int Count { get; private set; }

    public Span<T> Span => _items.AsSpan(0, Count);

    public ref T this[int index] => ref _items[index];

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Grow(Count + 1);
        }

        _items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        if (Count + items.Length > _items.Length)
        {
            Grow(Count + items.Length);
        }

        items.CopyTo(_items.AsSpan(Count));
        Count += items.Length;
    }

    /// <summary>Makes room for <paramref name="additional"/> more items without further reallocation.</summary>
    public void Reserve(int additional)
    {
        if (Count + additional > _items.Length)
        {
            Array.Resize(ref _items, Count + additional);
        }
    }

    /// <summary>Appends <paramref name="count"/> default items and returns them to be written in place.</summary>
    public Span<T> Append(int count)
    {
        Reserve(count);
        var span = _items.AsSpan(Count, count);
        Count += count;
        return span;
    }

    /// <summary>Drops the items from <paramref name="count"/> on (the capacity stays).</summary>
    public void Truncate(int count)
    {
        Debug.Assert(count >= 0 && count <= Count, "Truncate only shortens.");
        Count = count;
    }

    private void Grow(int needed)
    {
        var capacity = Math.Max(needed, Math.Max(8, _items.Length * 2));
        Array.Resize(ref _items, capacity);
    }
}
