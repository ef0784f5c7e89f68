namespace Journeyscope.Statistics;

/// <summary>The Benjamini-Hochberg step-up procedure: controls the false discovery rate over many tests.</summary>
/// <remarks>
/// Sort the m p-values ascending; the adjusted value of the i-th is min over j ≥ i of p₍ⱼ₎ · m / j (capped at 1); a test
/// is a discovery when its adjusted value is at most the level. Valid for independent or positively dependent tests.
/// </remarks>
public static class BenjaminiHochberg
{
    /// <summary>The adjusted p-values (q-values) in the order of the input; NaN inputs stay NaN and do not count as tests.</summary>
    public static double[] Adjust(ReadOnlySpan<double> pValues)
    {
        var adjusted = new double[pValues.Length];
        var order = new List<int>(pValues.Length);
        for (var i = 0; i < pValues.Length; i++)
        {
            adjusted[i] = double.NaN;
            if (!double.IsNaN(pValues[i]))
            {
                order.Add(i);
            }
        }

        var p = pValues.ToArray();
        order.Sort((x, y) => p[x].CompareTo(p[y]) is var c && c != 0 ? c : x.CompareTo(y));
        var m = order.Count;
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, p[index] * m / rank);
            adjusted[index] = Math.Min(1, running);
        }

        return adjusted;
    }

    /// <summary>Which tests are discoveries at false discovery rate <paramref name="level"/>.</summary>
    public static bool[] Discoveries(ReadOnlySpan<double> pValues, double level = 0.05)
    {
        var adjusted = Adjust(pValues);
        var discoveries = new bool[adjusted.Length];
        for (var i = 0; i < adjusted.Length; i++)
        {
            discoveries[i] = adjusted[i] <= level;
        }

        return discoveries;
    }
}
