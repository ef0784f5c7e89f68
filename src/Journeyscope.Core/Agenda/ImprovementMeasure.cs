namespace Journeyscope.Agenda;

/// <summary>
/// What an improvement should move, per case: a numerator and a denominator (the KPI is their ratio of sums; 0/0 for a
/// case without a measurement). An outcome filter is 1/1 or 0/1 per case.
/// </summary>
internal sealed class ImprovementMeasure(double[] numerator, double[] denominator, bool binary, string what, double? valuePerUnit, string? unit, string kind)
{
    /// <summary>What the measure is in: an <see cref="ImprovementUnits"/> constant.</summary>
    public string Kind { get; } = kind;

    public double[] Numerator { get; } = numerator;

    public double[] Denominator { get; } = denominator;

    /// <summary>Every measured case is 0 or 1 out of 1: the group rates are shares and resample as Bernoulli draws.</summary>
    public bool Binary { get; } = binary;

    /// <summary>The measure in words for the notes: "outcome rate" or "KPI 'nps'".</summary>
    public string What { get; } = what;

    /// <summary>What one unit is worth, or null.</summary>
    public double? ValuePerUnit { get; } = valuePerUnit;

    /// <summary>The unit of <see cref="ValuePerUnit"/>.</summary>
    public string? Unit { get; } = unit;

    /// <summary>The group of <paramref name="cases"/>: its size, the cases with a non-zero numerator and the ratio of sums.</summary>
    public ImprovementCell Cell(List<int> cases)
    {
        double numerator = 0, denominator = 0;
        var hits = 0;
        foreach (var c in cases)
        {
            numerator += Numerator[c];
            denominator += Denominator[c];
            hits += Numerator[c] != 0 ? 1 : 0;
        }

        return new ImprovementCell(cases.Count, hits, denominator == 0 ? 0 : numerator / denominator);
    }

    /// <summary>The ratio of sums over a case-level resample (with replacement) of <paramref name="cases"/>.</summary>
    public double Resample(Random random, List<int> cases)
    {
        double numerator = 0, denominator = 0;
        for (var k = 0; k < cases.Count; k++)
        {
            var c = cases[random.Next(cases.Count)];
            numerator += Numerator[c];
            denominator += Denominator[c];
        }

        return denominator == 0 ? 0 : numerator / denominator;
    }
}
