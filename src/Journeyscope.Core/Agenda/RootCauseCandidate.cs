namespace Journeyscope.Agenda;

/// <summary>A group of cases tested against the rest of its population, and its figures once tested.</summary>
internal sealed class RootCauseCandidate(string kind, string attribute, string value, string title, int[] members, int populationCases, int populationOutcomes)
{
    public string Kind { get; } = kind;

    public string Attribute { get; } = attribute;

    public string Value { get; } = value;

    public string Title { get; } = title;

    /// <summary>The group's case indices, ascending.</summary>
    public int[] Members { get; } = members;

    public int PopulationCases { get; } = populationCases;

    public int PopulationOutcomes { get; } = populationOutcomes;

    public int OutcomeCases { get; private set; }

    public double Rate { get; private set; }

    public double RateElsewhere { get; private set; }

    public double Low { get; private set; }

    public double High { get; private set; }

    public double PValue { get; private set; }

    public double QValue { get; set; } = 1;

    public double Difference => Rate - RateElsewhere;

    /// <summary>The ranking key: how far the interval lies from zero.</summary>
    public double Distance => RootCauseStatistics.DistanceFromZero(Low, High);

    public bool IsAttribute => Kind is RootCauseAnalysis.CaseAttributeKind or RootCauseAnalysis.EventAttributeKind or RootCauseAnalysis.EntryPathKind;

    /// <summary>Counts the group's outcomes and computes rate, interval and p-value.</summary>
    /// <summary>The same group of the whole log for an outcome with <paramref name="populationOutcomes"/> cases (untested).</summary>
    public RootCauseCandidate For(int populationOutcomes) => new(Kind, Attribute, Value, Title, Members, PopulationCases, populationOutcomes);

    public void Test(ReadOnlySpan<bool> outcome)
    {
        var x1 = 0;
        foreach (var c in Members)
        {
            if (outcome[c])
            {
                x1++;
            }
        }

        var n1 = Members.Length;
        var n0 = PopulationCases - n1;
        var x0 = PopulationOutcomes - x1;
        OutcomeCases = x1;
        Rate = (double)x1 / n1;
        RateElsewhere = (double)x0 / n0;
        (Low, High) = RootCauseStatistics.NewcombeDifference(x1, n1, x0, n0);
        PValue = RootCauseStatistics.TwoProportionPValue(x1, n1, x0, n0);
    }

    public RootCauseFactor ToFactor(int rank)
    {
        var populationRate = (double)PopulationOutcomes / PopulationCases;
        return new RootCauseFactor(rank, Kind, Attribute, Value, Title, Members.Length, (double)Members.Length / PopulationCases, OutcomeCases,
            Rate, RateElsewhere, Difference, Low, High, populationRate > 0 ? Rate / populationRate : null, PValue, QValue,
            QValue <= RootCauseAnalysis.FalseDiscoveryRate);
    }
}
