namespace Journeyscope.IO;

/// <summary>
/// Walks one Thrift compact-protocol structure (a Parquet footer, or a page header) without building anything,
/// checking that every length and element count fits in the bytes that remain, and optionally picking out the integer
/// fields of the top-level structure and of the structures directly inside it. The Parquet library trusts those counts:
/// a corrupt footer claiming billions of list elements makes it spin for ever (in memory, where no cancellation
/// reaches) or allocate gigabytes.
/// </summary>
/// <remarks>Iterative with an explicit stack and a depth limit; linear in the input size since every element takes at least one byte.</remarks>
internal static class ThriftCompactScan
{
    /// <summary>The value <see cref="Scan"/> leaves in a slot of an integer field the structure does not hold.</summary>
    public const long Absent = long.MinValue;

    /// <summary>Slots per structure in the integer table: field ids 1 to 15.</summary>
    public const int Slots = 16;

    private const int MaxDepth = 64;

    private enum Kind : byte
    {
        Struct,
        List,
        Map,
    }

    /// <summary>Null when the footer is structurally sound, else what is wrong and at which byte of the footer.</summary>
    public static string? Check(ReadOnlySpan<byte> footer) => Scan(footer, [], out _);

    /// <summary>The slot of <paramref name="inner"/> of the structure in field <paramref name="outer"/> (0: the top level).</summary>
    public static int Slot(int outer, int inner) => (outer * Slots) + inner;

    /// <summary>
    /// Walks the structure starting at the first byte of <paramref name="data"/>. Returns null when it is sound and
    /// ends within <paramref name="data"/> (then <paramref name="length"/> is its size in bytes), else what is wrong.
    /// When <paramref name="integers"/> holds <see cref="Slots"/> squared entries, it receives the integer fields (ids 1
    /// to 15) at <see cref="Slot"/>: of the top-level structure, and of structures held by its fields 1 to 15.
    /// </summary>
    public static string? Scan(ReadOnlySpan<byte> data, Span<long> integers, out int length)
    {
        integers.Fill(Absent);
        length = 0;
        var frames = new Stack<Frame>();
        frames.Push(new Frame(Kind.Struct, 0, 0, 0, 0));
        var at = 0;
        while (frames.Count > 0)
        {
            var frame = frames.Pop();
            byte next;
            var slot = -1;
            var inContainer = frame.Kind != Kind.Struct;
            if (frame.Kind == Kind.Struct)
            {
                if (at >= data.Length)
                {
                    return $"the data ends inside a structure at byte {at}";
                }

                var header = data[at++];
                if (header == 0)
                {
                    continue;
                }

                long field = frame.Remaining + (header >> 4);
                if (header >> 4 == 0 && !ReadVarint(data, ref at, out field))
                {
                    return $"a field id runs past the end of the data at byte {at}";
                }

                field = header >> 4 == 0 ? Unzigzag(field) : field;
                frames.Push(frame with { Remaining = field });
                next = (byte)(header & 0x0F);
                slot = frame.Slot >= 0 && field is > 0 and < Slots ? Slot(frame.Slot, (int)field) : -1;
            }
            else
            {
                if (frame.Remaining == 0)
                {
                    continue;
                }

                // A map alternates key and value types; a list repeats its element type.
                next = frame.Kind == Kind.Map && frame.Remaining % 2 == 1 ? frame.ValueType : frame.Type;
                frames.Push(frame with { Remaining = frame.Remaining - 1 });
            }

            if (Value(data, ref at, next, inContainer, slot, integers, frames) is { } problem)
            {
                return problem;
            }

            if (frames.Count > MaxDepth)
            {
                return $"the data nests structures deeper than {MaxDepth} levels";
            }
        }

        length = at;
        return null;
    }

    private static string? Value(ReadOnlySpan<byte> data, ref int at, byte type, bool inContainer, int slot, Span<long> integers, Stack<Frame> frames)
    {
        switch (type)
        {
            case 1 or 2:
                // Booleans live in the field header, except inside lists and maps where each takes a byte.
                return inContainer ? Skip(data, ref at, 1) : null;
            case 3:
                return Skip(data, ref at, 1);
            case 4 or 5 or 6:
                if (!ReadVarint(data, ref at, out var integer))
                {
                    return $"an integer runs past the end of the data at byte {at}";
                }

                if (slot >= 0 && slot < integers.Length)
                {
                    integers[slot] = Unzigzag(integer);
                }

                return null;
            case 7:
                return Skip(data, ref at, 8);
            case 13:
                return Skip(data, ref at, 16);
            case 8:
                return ReadVarint(data, ref at, out var length) ? Skip(data, ref at, length) : $"a length runs past the end of the data at byte {at}";
            case 9 or 10:
                if (at >= data.Length)
                {
                    return $"a list header runs past the end of the data at byte {at}";
                }

                var header = data[at++];
                long size = header >> 4;
                if (size == 15 && !ReadVarint(data, ref at, out size))
                {
                    return $"a list size runs past the end of the data at byte {at}";
                }

                if (size < 0 || size > data.Length - at)
                {
                    return $"a list at byte {at} claims {size} elements with {data.Length - at} bytes left";
                }

                frames.Push(new Frame(Kind.List, size, (byte)(header & 0x0F), 0, -1));
                return null;
            case 11:
                if (!ReadVarint(data, ref at, out var pairs))
                {
                    return $"a map size runs past the end of the data at byte {at}";
                }

                if (pairs == 0)
                {
                    return null;
                }

                if (pairs < 0 || pairs > (data.Length - at) / 2 || at >= data.Length)
                {
                    return $"a map at byte {at} claims {pairs} entries with {data.Length - at} bytes left";
                }

                var types = data[at++];
                frames.Push(new Frame(Kind.Map, pairs * 2, (byte)(types >> 4), (byte)(types & 0x0F), -1));
                return null;
            case 12:
                // Only structures held directly by top-level fields get integer slots.
                frames.Push(new Frame(Kind.Struct, 0, 0, 0, slot is > 0 and < Slots ? slot : -1));
                return null;
            default:
                return $"unknown Thrift type {type} at byte {at}";
        }
    }

    private static string? Skip(ReadOnlySpan<byte> data, ref int at, long count)
    {
        if (count < 0 || count > data.Length - at)
        {
            return $"a value at byte {at} claims {count} bytes with {data.Length - at} left";
        }

        at += (int)count;
        return null;
    }

    private static long Unzigzag(long value) => (long)((ulong)value >> 1) ^ -(value & 1);

    /// <summary>Reads an unsigned LEB128 varint (lengths and sizes are unsigned; signed integers are zigzag-encoded on top).</summary>
    private static bool ReadVarint(ReadOnlySpan<byte> data, ref int at, out long value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= data.Length)
            {
                return false;
            }

            var b = data[at++];
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One open structure or container. Remaining: the last field id read (structures) or the elements left
    /// (containers). Slot: where the structure's integer fields go (0 for the top level), -1 when they are not kept.
    /// </summary>
    private readonly record struct Frame(Kind Kind, long Remaining, byte Type, byte ValueType, int Slot);
}
