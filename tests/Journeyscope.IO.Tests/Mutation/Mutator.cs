namespace Journeyscope.IO.Tests.Mutation;

/// <summary>Seeded byte-level mutations of a file: bit flips, interesting bytes, truncation, insertion, chunk duplication and deletion.</summary>
internal static class Mutator
{
    private static readonly byte[] Interesting = [0, 0xFF, 0x7F, 0x80, 0xC3, 0xE2, (byte)'<', (byte)'>', (byte)'"', (byte)'{', (byte)'[', (byte)'9', (byte)',', (byte)'\n', (byte)'-'];

    /// <summary>One mutant of <paramref name="seed"/>: 1 to 4 mutations chosen by <paramref name="random"/>.</summary>
    public static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new List<byte>(seed);
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            Apply(data, random);
        }

        return [.. data];
    }

    private static void Apply(List<byte> data, Random random)
    {
        if (data.Count == 0)
        {
            data.Add((byte)random.Next(256));
            return;
        }

        var at = random.Next(data.Count);
        switch (random.Next(7))
        {
            case 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data[at] = Interesting[random.Next(Interesting.Length)];
                break;
            case 2:
                data.RemoveRange(at, data.Count - at);
                break;
            case 3:
                var inserted = new byte[random.Next(1, 17)];
                random.NextBytes(inserted);
                data.InsertRange(at, inserted);
                break;
            case 4:
                Duplicate(data, random, at);
                break;
            case 5:
                data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 257)));
                break;
            default:
                // A 4-byte little-endian integer set to an extreme: length and count fields in binary formats.
                var value = random.Next(3) switch { 0 => int.MaxValue, 1 => -1, _ => random.Next() };
                for (var b = 0; b < 4 && at + b < data.Count; b++)
                {
                    data[at + b] = (byte)(value >> (8 * b));
                }

                break;
        }
    }

    private static void Duplicate(List<byte> data, Random random, int at)
    {
        var length = Math.Min(data.Count - at, random.Next(1, Math.Max(2, Math.Min(4096, data.Count / 4))));
        var chunk = data.GetRange(at, length);
        var copies = random.Next(1, 4);
        var to = random.Next(data.Count + 1);
        for (var c = 0; c < copies; c++)
        {
            data.InsertRange(to, chunk);
        }
    }
}
