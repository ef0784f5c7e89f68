namespace Journeyscope.IO;

/// <summary>
/// Walks a Parquet footer (Thrift compact protocol) without building anything, checking that every length and element
/// count fits in the bytes that remain. The Parquet library trusts those counts: a corrupt footer claiming billions of
/// list elements makes it spin for ever (in memory, where no cancellation reaches) or allocate gigabytes.
/// </summary>
/// <remarks>Iterative with an explicit stack and a depth limit; linear in the footer size since every element takes at least one byte.</remarks>
internal static class ThriftFooterScan
{
    private const int MaxDepth = 64;

    private enum Frame : byte
    {
        Struct,
        List,
        Map,
    }

    /// <summary>Null when the footer is structurally sound, else what is wrong and at which byte of the footer.</summary>
    public static string? Check(ReadOnlySpan<byte> footer)
    {
        var kinds = new Stack<(Frame Kind, long Remaining, byte Type, byte ValueType)>();
        kinds.Push((Frame.Struct, 0, 0, 0));
        var at = 0;
        while (kinds.Count > 0)
        {
            var (kind, remaining, type, valueType) = kinds.Pop();
            byte next;
            var inContainer = kind != Frame.Struct;
            if (kind == Frame.Struct)
            {
                if (at >= footer.Length)
                {
                    return $"the footer ends inside a structure at byte {at}";
                }

                var header = footer[at++];
                if (header == 0)
                {
                    continue;
                }

                kinds.Push((kind, 0, 0, 0));
                next = (byte)(header & 0x0F);
                if (header >> 4 == 0 && !SkipVarint(footer, ref at))
                {
                    return $"a field id runs past the end of the footer at byte {at}";
                }
            }
            else
            {
                if (remaining == 0)
                {
                    continue;
                }

                // A map alternates key and value types; a list repeats its element type.
                next = kind == Frame.Map && remaining % 2 == 1 ? valueType : type;
                kinds.Push((kind, remaining - 1, type, valueType));
            }

            if (Value(footer, ref at, next, inContainer, kinds) is { } problem)
            {
                return problem;
            }

            if (kinds.Count > MaxDepth)
            {
                return $"the footer nests structures deeper than {MaxDepth} levels";
            }
        }

        return null;
    }

    private static string? Value(ReadOnlySpan<byte> footer, ref int at, byte type, bool inContainer, Stack<(Frame, long, byte, byte)> kinds)
    {
        switch (type)
        {
            case 1 or 2:
                // Booleans live in the field header, except inside lists and maps where each takes a byte.
                return inContainer ? Skip(footer, ref at, 1) : null;
            case 3:
                return Skip(footer, ref at, 1);
            case 4 or 5 or 6:
                return SkipVarint(footer, ref at) ? null : $"an integer runs past the end of the footer at byte {at}";
            case 7:
                return Skip(footer, ref at, 8);
            case 13:
                return Skip(footer, ref at, 16);
            case 8:
                return ReadVarint(footer, ref at, out var length) ? Skip(footer, ref at, length) : $"a length runs past the end of the footer at byte {at}";
            case 9 or 10:
                if (at >= footer.Length)
                {
                    return $"a list header runs past the end of the footer at byte {at}";
                }

                var header = footer[at++];
                long size = header >> 4;
                if (size == 15 && !ReadVarint(footer, ref at, out size))
                {
                    return $"a list size runs past the end of the footer at byte {at}";
                }

                if (size < 0 || size > footer.Length - at)
                {
                    return $"a list at byte {at} claims {size} elements with {footer.Length - at} bytes left";
                }

                kinds.Push((Frame.List, size, (byte)(header & 0x0F), 0));
                return null;
            case 11:
                if (!ReadVarint(footer, ref at, out var pairs))
                {
                    return $"a map size runs past the end of the footer at byte {at}";
                }

                if (pairs == 0)
                {
                    return null;
                }

                if (pairs < 0 || pairs > (footer.Length - at) / 2 || at >= footer.Length)
                {
                    return $"a map at byte {at} claims {pairs} entries with {footer.Length - at} bytes left";
                }

                var types = footer[at++];
                kinds.Push((Frame.Map, pairs * 2, (byte)(types >> 4), (byte)(types & 0x0F)));
                return null;
            case 12:
                kinds.Push((Frame.Struct, 0, 0, 0));
                return null;
            default:
                return $"unknown Thrift type {type} at byte {at}";
        }
    }

    private static string? Skip(ReadOnlySpan<byte> footer, ref int at, long count)
    {
        if (count < 0 || count > footer.Length - at)
        {
            return $"a value at byte {at} claims {count} bytes with {footer.Length - at} left";
        }

        at += (int)count;
        return null;
    }

    private static bool SkipVarint(ReadOnlySpan<byte> footer, ref int at) => ReadVarint(footer, ref at, out _);

    /// <summary>Reads an unsigned LEB128 varint as a zigzag-free count (lengths and sizes are unsigned).</summary>
    private static bool ReadVarint(ReadOnlySpan<byte> footer, ref int at, out long value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= footer.Length)
            {
                return false;
            }

            var b = footer[at++];
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
