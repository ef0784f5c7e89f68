namespace Journeyscope.Statistics;

/// <summary>
/// The mergeable partial result of a case-level bootstrap of ratios of sums: for the observed sample (replicate 0) and
/// every bootstrap replicate, the weighted sum of a numerator and of a denominator per group.
/// </summary>
/// <remarks>
/// A mean is Σy / Σ1, a rate (risk) is Σ[outcome] / Σ1, an NPS is Σ(promoter − detractor) × 100 / Σanswers: every
/// figure the agenda compares is a ratio of sums, so one partial serves them all. Groups are numbered by the caller
/// (for example <c>2 × stratum + exposed</c>). Chunks of cases each fill their own partial and <see cref="Merge"/> adds
/// them; with <see cref="PoissonWeights"/> the result does not depend on the chunking. Not thread-safe: one per chunk.
/// </remarks>
public sealed class BootstrapPartial
{
    private readonly double[] _sums;

    /// <summary>Creates an empty partial for <paramref name="groups"/> groups and <paramref name="replicates"/> replicates.</summary>
    public BootstrapPartial(int groups, int replicates, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(replicates);
        Groups = groups;
        Replicates = replicates;
        Seed = seed;
        _sums = new double[(replicates + 1) * groups * 2];
    }

    /// <summary>The number of groups.</summary>
    public int Groups { get; }

    /// <summary>The number of bootstrap replicates (replicate 0, the observed sample, comes on top).</summary>
    public int Replicates { get; }

    /// <summary>The seed of the weights.</summary>
    public int Seed { get; }

    /// <summary>Adds one case, drawing its weights from its key.</summary>
    public void Add(ulong caseKey, int group, double numerator, double denominator)
    {
        var row = group * 2;
        _sums[row] += numerator;
        _sums[row + 1] += denominator;
        var stride = Groups * 2;
        for (var r = 1; r <= Replicates; r++)
        {
            var w = PoissonWeights.Weight(caseKey, r, Seed);
            if (w != 0)
            {
                var at = (r * stride) + row;
                _sums[at] += w * numerator;
                _sums[at + 1] += w * denominator;
            }
        }
    }

    /// <summary>Adds one case with its weights already drawn (a row of <see cref="PoissonWeights.Matrix"/>).</summary>
    /// <remarks><paramref name="weights"/> holds <see cref="Replicates"/> entries, entry <c>i</c> being the weight in replicate <c>i + 1</c>
    /// (draw the matrix with replicates 1..R, see <see cref="PoissonWeights.Row"/>).</remarks>
    public void Add(ReadOnlySpan<byte> weights, int group, double numerator, double denominator)
    {
        var row = group * 2;
        _sums[row] += numerator;
        _sums[row + 1] += denominator;
        var stride = Groups * 2;
        var at = stride + row;
        var count = Math.Min(weights.Length, Replicates);
        for (var i = 0; i < count; i++, at += stride)
        {
            var w = weights[i];
            if (w != 0)
            {
                _sums[at] += w * numerator;
                _sums[at + 1] += w * denominator;
            }
        }
    }

    /// <summary>
    /// Adds sums computed elsewhere to a group: <paramref name="numerators"/>[r] and <paramref name="denominators"/>[r] are the
    /// weighted sums of replicate r (0 = observed, then 1..<see cref="Replicates"/>), for example one cell of a one-pass table.
    /// </summary>
    public void AddSums(int group, ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(group, Groups);
        var count = Math.Min(Math.Min(numerators.Length, denominators.Length), Replicates + 1);
        var stride = Groups * 2;
        for (int r = 0, at = group * 2; r < count; r++, at += stride)
        {
            _sums[at] += numerators[r];
            _sums[at + 1] += denominators[r];
        }
    }

    /// <summary>Adds the sums of another partial of the same shape and seed (cases of another chunk).</summary>
    public void Merge(BootstrapPartial other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Groups != Groups || other.Replicates != Replicates || other.Seed != Seed)
        {
            throw new ArgumentException("Only partials of the same groups, replicates and seed merge.", nameof(other));
        }

        for (var i = 0; i < _sums.Length; i++)
        {
            _sums[i] += other._sums[i];
        }
    }

    /// <summary>Subtracts the sums of another partial (for example exposed cases from all cases gives the unexposed).</summary>
    public void Subtract(BootstrapPartial other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Groups != Groups || other.Replicates != Replicates || other.Seed != Seed)
        {
            throw new ArgumentException("Only partials of the same groups, replicates and seed subtract.", nameof(other));
        }

        for (var i = 0; i < _sums.Length; i++)
        {
            _sums[i] -= other._sums[i];
        }
    }

    /// <summary>A copy of this partial.</summary>
    public BootstrapPartial Clone()
    {
        var copy = new BootstrapPartial(Groups, Replicates, Seed);
        _sums.CopyTo(copy._sums, 0);
        return copy;
    }

    /// <summary>The numerator sum of a group in a replicate (0 = observed).</summary>
    public double Numerator(int replicate, int group) => _sums[(replicate * Groups * 2) + (group * 2)];

    /// <summary>The denominator sum of a group in a replicate (0 = observed).</summary>
    public double Denominator(int replicate, int group) => _sums[(replicate * Groups * 2) + (group * 2) + 1];

    /// <summary>Numerator / denominator of a group in a replicate, or NaN when the denominator is zero.</summary>
    public double Ratio(int replicate, int group)
    {
        var denominator = Denominator(replicate, group);
        return denominator == 0 ? double.NaN : Numerator(replicate, group) / denominator;
    }
}
