namespace Journeyscope.Discovery;

/// <summary>One variant: a distinct sequence of activities and the cases that follow it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Variant
{
    internal Variant(
        int rank,
        int[] activityCodes,
        string[] activities,
        long caseCount,
        double share,
        double cumulativeCoverage,
        double meanDuration,
        double medianDuration,
        string[] exampleCaseIds)
    {
        Rank = rank;
        ActivityCodes = activityCodes;
        Activities = activities;
        CaseCount = caseCount;
        Share = share;
        CumulativeCoverage = cumulativeCoverage;
        MeanDuration = meanDuration;
        MedianDuration = medianDuration;
        ExampleCaseIds = exampleCaseIds;
    }

    /// <summary>Position in the variant list, 1 for the most frequent.</summary>
    public int Rank { get; }

    /// <summary>The activity codes of the sequence.</summary>
    public IReadOnlyList<int> ActivityCodes { get; }

    /// <summary>The activity names of the sequence.</summary>
    public IReadOnlyList<string> Activities { get; }

    /// <summary>Number of cases with exactly this sequence.</summary>
    public long CaseCount { get; }

    /// <summary><see cref="CaseCount"/> divided by the number of cases of the log.</summary>
    public double Share { get; }

    /// <summary>Share of all cases covered by this variant and every variant ranked before it.</summary>
    public double CumulativeCoverage { get; }

    /// <summary>Mean case duration (last minus first timestamp) of its cases, seconds.</summary>
    public double MeanDuration { get; }

    /// <summary>Median case duration of its cases, seconds.</summary>
    public double MedianDuration { get; }

    /// <summary>The first few of its case ids, in log order.</summary>
    public IReadOnlyList<string> ExampleCaseIds { get; }
}
