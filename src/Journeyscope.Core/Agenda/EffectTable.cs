using System.Runtime.Intrinsics;
using Journeyscope.Statistics;

namespace Journeyscope.Agenda;

/// <summary>
/// The one-pass bootstrap sums behind the agenda's effects (docs/agenda.md, "Speed"): the Poisson weights of every case in
/// every replicate are drawn once (a byte table, replicate 0 = the observed sample), and the weighted numerator and
/// denominator sums of a KPI over a set of cases are accumulated per <em>cell</em> (the cross-classification of every
/// stratification the agenda uses), from which the crude and every stratified partial are assembled by adding cells.
/// </summary>
/// <remarks>
/// A KPI whose per-case values take few distinct (numerator, denominator) pairs (a rate, a survey score, an NPS) is summed as
/// integer counts of weights per value (vectorised byte additions, exact), then multiplied out; other KPIs (durations) add
/// their weighted values per case in case order. Either way the sums equal those of the per-test pass up to the order of
/// floating-point additions, and they do not depend on the number of threads. Thread-safe after construction.
/// </remarks>
internal sealed class EffectTable
{
    /// <summary>A KPI with more distinct per-case values than this is summed in doubles, case by case.</summary>
    private const int MaximumLevels = 16;

    private readonly byte[] _weights;
    private readonly int[] _cellOf;
    private readonly int[][] _cellStrata;
    private readonly Dictionary<string, int> _schemes;
    private readonly List<KpiCaseValues> _kpis;
    private readonly Levels?[] _levels;
    private readonly Lazy<double[]>[] _totals;

    private EffectTable(byte[] weights, int width, int[] cellOf, int[][] cellStrata, Dictionary<string, int> schemes, List<KpiCaseValues> kpis)
    {
        _weights = weights;
        Width = width;
        _cellOf = cellOf;
        _cellStrata = cellStrata;
        _schemes = schemes;
        _kpis = kpis;
        _levels = [.. kpis.Select(ToLevels)];
        _totals = [.. kpis.Select((_, k) => new Lazy<double[]>(() => Sums(k, null, null, true)))];
    }

    /// <summary>Replicates + 1 (replicate 0 is the observed sample).</summary>
    public int Width { get; }

    /// <summary>The number of cells.</summary>
    public int Cells => _cellStrata.Length;

    /// <summary>
    /// The table for <paramref name="kpis"/> over the cases with <paramref name="keys"/>, or null when the stratifications have too
    /// many cells together (more than 512, or more than 9 stratifications): the caller then uses the per-test pass.
    /// </summary>
    public static EffectTable? Create(
        List<KpiCaseValues> kpis, Dictionary<string, (int[] Stratum, int Count)> strata, ulong[] keys, BootstrapOptions bootstrap,
        CancellationToken cancellationToken)
    {
        var names = strata.Keys.Order(StringComparer.Ordinal).ToArray();
        if (names.Length > 9)
        {
            return null;
        }

        var columns = names.Select(n => strata[n].Stratum).ToArray();
        var cellOf = new int[keys.Length];
        var byKey = new Dictionary<long, int>();
        var cellStrata = new List<int[]>();
        for (var c = 0; c < keys.Length; c++)
        {
            long key = 0;
            foreach (var column in columns)
            {
                key = (key << 7) | (uint)column[c];
            }

            if (!byKey.TryGetValue(key, out var cell))
            {
                cell = byKey[key] = cellStrata.Count;
                cellStrata.Add([.. columns.Select(column => column[c])]);
                if (cellStrata.Count > 512)
                {
                    return null;
                }
            }

            cellOf[c] = cell;
        }

        var schemes = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var weights = PoissonWeights.Table(keys, bootstrap.Replicates, bootstrap.Seed, cancellationToken);
        return new EffectTable(weights, bootstrap.Replicates + 1, cellOf, [.. cellStrata], schemes, kpis);
    }

    /// <summary>
    /// <see cref="Sums"/> of KPI <paramref name="k"/> over every case, computed once (shared: callers must not change it).
    /// </summary>
    public double[] Total(int k) => _totals[k].Value;

    /// <summary>
    /// Per cell, the one code of <paramref name="codes"/> (a code per case, −1 for none) that all its cases share, or null when a
    /// cell mixes codes: then each code's cases are a union of whole cells and their <see cref="Sums"/> are <see cref="Total"/>'s
    /// cells of that code (<see cref="CellSums"/>), the same values, as each cell adds the same cases in the same order.
    /// </summary>
    public int[]? CellCodes(int[] codes)
    {
        var cellCodes = new int[Cells];
        Array.Fill(cellCodes, int.MinValue);
        for (var c = 0; c < codes.Length; c++)
        {
            ref var code = ref cellCodes[_cellOf[c]];
            if (code == int.MinValue)
            {
                code = codes[c];
            }
            else if (code != codes[c])
            {
                return null;
            }
        }

        return cellCodes;
    }

    /// <summary>The cells of <paramref name="sums"/> whose code in <paramref name="cellCodes"/> is <paramref name="code"/>; zero elsewhere.</summary>
    public double[] CellSums(double[] sums, int[] cellCodes, int code)
    {
        var kept = new double[sums.Length];
        var block = 2 * Width;
        for (var cell = 0; cell < Cells; cell++)
        {
            if (cellCodes[cell] == code)
            {
                Array.Copy(sums, cell * block, kept, cell * block, block);
            }
        }

        return kept;
    }

    /// <summary>
    /// The weighted sums of KPI <paramref name="k"/> per cell over the measured cases of <paramref name="cases"/> (sorted case
    /// indexes; every case when null) whose <paramref name="eligible"/> flag is <paramref name="inside"/> (without flags: all of
    /// them when <paramref name="inside"/>, none otherwise). Layout: cell-major, numerators then denominators, each <see cref="Width"/> long.
    /// </summary>
    public double[] Sums(int k, int[]? cases, bool[]? eligible, bool inside)
    {
        var sums = new double[Cells * 2 * Width];
        if (eligible is null && !inside)
        {
            return sums;
        }

        var count = cases?.Length ?? _cellOf.Length;
        var kpi = _kpis[k];
        if (_levels[k] is { } levels)
        {
            var v = levels.Numerators.Length;
            var counts = new uint[Cells * v * Width];
            var used = new bool[Cells * v];
            for (var i = 0; i < count; i++)
            {
                var c = cases is null ? i : cases[i];
                var level = levels.Index[c];
                if (level < 0 || (eligible is not null && eligible[c] != inside))
                {
                    continue;
                }

                var at = (_cellOf[c] * v) + level;
                used[at] = true;
                AddRow(_weights.AsSpan(c * Width, Width), counts.AsSpan(at * Width, Width));
            }

            // A level no case of the cell has adds n × 0 = ±0 to every sum, which changes none: skipped.
            for (var cell = 0; cell < Cells; cell++)
            {
                var numerators = sums.AsSpan(cell * 2 * Width, Width);
                var denominators = sums.AsSpan(((cell * 2) + 1) * Width, Width);
                for (var l = 0; l < v; l++)
                {
                    if (used[(cell * v) + l])
                    {
                        MultiplyAdd(counts.AsSpan(((cell * v) + l) * Width, Width), levels.Numerators[l], levels.Denominators[l], numerators, denominators);
                    }
                }
            }

            return sums;
        }

        for (var i = 0; i < count; i++)
        {
            var c = cases is null ? i : cases[i];
            double n = kpi.Numerator[c], d = kpi.Denominator[c];
            if ((n == 0 && d == 0) || (eligible is not null && eligible[c] != inside))
            {
                continue;
            }

            var cell = _cellOf[c];
            MultiplyAdd(_weights.AsSpan(c * Width, Width), n, d, sums.AsSpan(cell * 2 * Width, Width), sums.AsSpan(((cell * 2) + 1) * Width, Width));
        }

        return sums;
    }

    /// <summary>numerators[r] += row[r] × n and denominators[r] += row[r] × d, four replicates at a time where the hardware allows.</summary>
    private static void MultiplyAdd<T>(ReadOnlySpan<T> row, double n, double d, Span<double> numerators, Span<double> denominators)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var r = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vn = Vector256.Create(n);
            var vd = Vector256.Create(d);
            for (; r + 4 <= row.Length; r += 4)
            {
                var w = Vector256.Create(double.CreateTruncating(row[r]), double.CreateTruncating(row[r + 1]), double.CreateTruncating(row[r + 2]), double.CreateTruncating(row[r + 3]));
                var numerator = numerators.Slice(r, 4);
                var denominator = denominators.Slice(r, 4);
                (Vector256.Create<double>(numerator) + (w * vn)).CopyTo(numerator);
                (Vector256.Create<double>(denominator) + (w * vd)).CopyTo(denominator);
            }
        }

        for (; r < row.Length; r++)
        {
            var w = double.CreateTruncating(row[r]);
            numerators[r] += w * n;
            denominators[r] += w * d;
        }
    }

    /// <summary>
    /// The crude partial (group 1 exposed, group 0 unexposed) and, when <paramref name="strata"/> &gt; 0, the partial per stratum
    /// of <paramref name="scheme"/>: exposed = <paramref name="inside"/> + <paramref name="outside"/>, unexposed =
    /// <paramref name="total"/> − <paramref name="inside"/> (a case outside the comparison population only joins the exposed).
    /// </summary>
    public (BootstrapPartial Crude, BootstrapPartial? Strata) Partials(
        double[] total, double[] inside, double[] outside, string scheme, int strata, int seed)
    {
        var replicates = Width - 1;
        var crude = new BootstrapPartial(2, replicates, seed);
        var byStratum = strata > 0 ? new BootstrapPartial(2 * strata, replicates, seed) : null;
        var s = _schemes[scheme];
        var exposedN = new double[Width];
        var exposedD = new double[Width];
        var unexposedN = new double[Width];
        var unexposedD = new double[Width];
        for (var cell = 0; cell < Cells; cell++)
        {
            int n = cell * 2 * Width, d = n + Width;
            for (var r = 0; r < Width; r++)
            {
                exposedN[r] = inside[n + r] + outside[n + r];
                exposedD[r] = inside[d + r] + outside[d + r];
                unexposedN[r] = total[n + r] - inside[n + r];
                unexposedD[r] = total[d + r] - inside[d + r];
            }

            crude.AddSums(1, exposedN, exposedD);
            crude.AddSums(0, unexposedN, unexposedD);
            if (byStratum is not null)
            {
                var stratum = _cellStrata[cell][s];
                byStratum.AddSums((2 * stratum) + 1, exposedN, exposedD);
                byStratum.AddSums(2 * stratum, unexposedN, unexposedD);
            }
        }

        return (crude, byStratum);
    }

    /// <summary>KPI <paramref name="k"/> over <paramref name="cases"/> (a ratio of sums) with its percentile interval.</summary>
    public DifferenceEstimate Ratio(int k, int[] cases, double confidence) => Ratio(Sums(k, cases, null, true), confidence);

    /// <summary>The ratio of sums of a <see cref="Sums"/> table (all cells together) with its percentile interval.</summary>
    public DifferenceEstimate Ratio(double[] sums, double confidence)
    {
        var estimates = new double[Width];
        double answers = 0;
        for (var r = 0; r < Width; r++)
        {
            double numerator = 0, denominator = 0;
            for (var cell = 0; cell < Cells; cell++)
            {
                numerator += sums[(cell * 2 * Width) + r];
                denominator += sums[(((cell * 2) + 1) * Width) + r];
            }

            estimates[r] = denominator == 0 ? double.NaN : numerator / denominator;
            answers = r == 0 ? denominator : answers;
        }

        return Differences.Finish(estimates, answers, 0, confidence);
    }

    /// <summary>acc[i] += row[i], 32 weights at a time where the hardware allows.</summary>
    private static void AddRow(ReadOnlySpan<byte> row, Span<uint> acc)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 32 <= row.Length; i += 32)
            {
                var (low, high) = Vector256.Widen(Vector256.Create(row.Slice(i, 32)));
                var (a, b) = Vector256.Widen(low);
                var (c, d) = Vector256.Widen(high);
                var target = acc.Slice(i, 32);
                (Vector256.Create<uint>(target) + a).CopyTo(target);
                (Vector256.Create<uint>(target[8..]) + b).CopyTo(target[8..]);
                (Vector256.Create<uint>(target[16..]) + c).CopyTo(target[16..]);
                (Vector256.Create<uint>(target[24..]) + d).CopyTo(target[24..]);
            }
        }

        for (; i < row.Length; i++)
        {
            acc[i] += row[i];
        }
    }

    /// <summary>The distinct (numerator, denominator) pairs of a KPI's measured cases, or null when there are many.</summary>
    private static Levels? ToLevels(KpiCaseValues kpi)
    {
        var index = new int[kpi.Numerator.Length];
        var seen = new Dictionary<(double, double), int>();
        for (var c = 0; c < index.Length; c++)
        {
            double n = kpi.Numerator[c], d = kpi.Denominator[c];
            if (n == 0 && d == 0)
            {
                index[c] = -1;
                continue;
            }

            if (!seen.TryGetValue((n, d), out var level))
            {
                if (seen.Count == MaximumLevels)
                {
                    return null;
                }

                level = seen[(n, d)] = seen.Count;
            }

            index[c] = level;
        }

        var ordered = seen.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        return new Levels(index, [.. ordered.Select(p => p.Item1)], [.. ordered.Select(p => p.Item2)]);
    }

    /// <summary>A KPI's per-case level (−1 unmeasured) and each level's numerator and denominator.</summary>
    private sealed record Levels(int[] Index, double[] Numerators, double[] Denominators);
}
