using System.Numerics;

namespace Journeyscope.EventLogs;

/// <summary>One bit per row: set when the row has a value.</summary>
/// <remarks>Immutable once built; thread-safe for readers.</remarks>
public sealed class ValidityBitmap
{
    private readonly ulong[] _words;

    internal ValidityBitmap(ulong[] words, int length)
    {
        _words = words;
        Length = length;
    }

    /// <summary>Number of rows covered.</summary>
    public int Length { get; }

    /// <summary>Whether row <paramref name="index"/> has a value.</summary>
    public bool this[int index] => (_words[index >> 6] & (1UL << index)) != 0;

    /// <summary>Number of rows that have a value.</summary>
    public int CountValid()
    {
        var count = 0;
        foreach (var word in _words)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    internal static ulong[] Allocate(int length) => new ulong[(length + 63) >> 6];

    internal static void Set(ulong[] words, int index) => words[index >> 6] |= 1UL << index;

    internal static bool Get(ulong[] words, int index) => (words[index >> 6] & (1UL << index)) != 0;

    internal ValidityBitmap Gather(ReadOnlySpan<int> rows)
    {
        var words = Allocate(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            if (this[rows[i]])
            {
                Set(words, i);
            }
        }

        return new ValidityBitmap(words, rows.Length);
    }
}
