namespace Journeyscope.Agenda;

/// <summary>
/// A case attribute dictionary-encoded for the agenda's segment loops: the distinct values in ordinal order, each case's code
/// (−1 without a value), the number of cases and the sorted cases of each value.
/// </summary>
internal sealed class AttributeCodes
{
    private AttributeCodes(string[] names, int[] codes, int[][] cases)
    {
        Names = names;
        Codes = codes;
        Cases = cases;
    }

    /// <summary>The distinct values, in ordinal order (the code of a value is its index).</summary>
    public string[] Names { get; }

    /// <summary>Per case: the code of its value, −1 without one.</summary>
    public int[] Codes { get; }

    /// <summary>Per code: the cases with that value, ascending.</summary>
    public int[][] Cases { get; }

    /// <summary>Encodes one value per case (null: no value).</summary>
    public static AttributeCodes Of(string?[] values)
    {
        var byValue = new Dictionary<string, int>(StringComparer.Ordinal);
        var first = new int[values.Length];
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c] is not { } v)
            {
                first[c] = -1;
            }
            else if (!byValue.TryGetValue(v, out first[c]))
            {
                first[c] = byValue[v] = byValue.Count;
            }
        }

        var names = byValue.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var rank = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            rank[byValue[names[i]]] = i;
        }

        var codes = new int[values.Length];
        var counts = new int[names.Length];
        for (var c = 0; c < values.Length; c++)
        {
            codes[c] = first[c] < 0 ? -1 : rank[first[c]];
            counts[codes[c] < 0 ? 0 : codes[c]] += codes[c] < 0 ? 0 : 1;
        }

        var cases = new int[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            cases[i] = new int[counts[i]];
            counts[i] = 0;
        }

        for (var c = 0; c < values.Length; c++)
        {
            if (codes[c] >= 0)
            {
                cases[codes[c]][counts[codes[c]]++] = c;
            }
        }

        return new AttributeCodes(names, codes, cases);
    }
}
