using System.Buffers;
using System.Diagnostics;

namespace Journeyscope.Discovery;

/// <summary>A growable array that hands out spans; the building block of the mergeable partial results.</summary>
/// <remarks>Not thread-safe. Capacity doubles, so appending n items costs O(n) amortised.</remarks>
internal sealed class GrowBuffer<T>
{
    private readonly bool _pooled;
    private T[] _items;

    public GrowBuffer(int capacity)
    {
        _items = capacity <= 0 ? [] : new T[capacity];
    }

    /// <summary>A buffer whose array is rented from <see cref="ArrayPool{T}.Shared"/> when <paramref name="pooled"/>.</summary>
    /// <remarks>A pooled buffer's items start unspecified, not default; <see cref="Release"/> gives the array back.</remarks>
    public GrowBuffer(int capacity, bool pooled)
        : this(pooled ? 0 : capacity)
    {
        _pooled = pooled;
        if (pooled && capacity > 0)
        {
            _items = ArrayPool<T>.Shared.Rent(capacity);
        }
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
            Resize(Count + additional);
        }
    }

    /// <summary>Gives a pooled buffer's array back to the pool and empties the buffer; the buffer stays usable.</summary>
    public void Release()
    {
        if (_pooled && _items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_items);
        }

        _items = [];
        Count = 0;
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
        Resize(Math.Max(needed, Math.Max(8, _items.Length * 2)));
    }

    private void Resize(int capacity)
    {
        if (!_pooled)
        {
            Array.Resize(ref _items, capacity);
            return;
        }

        var items = ArrayPool<T>.Shared.Rent(capacity);
        _items.AsSpan(0, Count).CopyTo(items);
        if (_items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_items);
        }

        _items = items;
    }
}
