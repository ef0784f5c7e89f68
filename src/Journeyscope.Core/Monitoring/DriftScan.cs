namespace Journeyscope.Monitoring;

/// <summary>
/// One window scale of the detector: slides a boundary over the ordered cases, tests every feature's presence in the
/// window before against the window after, and keeps the runs of significant boundaries that persist.
/// </summary>
/// <remarks>
/// Counts move incrementally (each case enters and leaves each window once): O(cases x features per case) for the
/// counts plus O(boundaries x features) for the tests, with boundaries = cases / stride.
/// </remarks>
internal sealed class DriftScan
{
    private DriftScan(int window, int[] positions, double[] scores, bool[] significant, List<(int Position, double Score)> candidates)
    {
        Window = window;
        Positions = positions;
        Scores = scores;
        Significant = significant;
        Candidates = candidates;
    }

    public int Window { get; }

    /// <summary>The tested boundaries (the position of the first case of the right window).</summary>
    public int[] Positions { get; }

    /// <summary>-log10 of the corrected p-value at each boundary.</summary>
    public double[] Scores { get; }

    public bool[] Significant { get; }

    /// <summary>One change per persistent run of significant boundaries, at its strongest boundary.</summary>
    public List<(int Position, double Score)> Candidates { get; }

    public static DriftScan Run(DriftFeatures features, int window, DriftOptions options, double alpha, CancellationToken cancellationToken)
    {
        var n = features.CaseCount;
        var stride = Math.Max(1, window / options.StridesPerWindow);
        var boundaries = ((n - (2 * window)) / stride) + 1;
        var positions = new int[Math.Max(0, boundaries)];
        var scores = new double[positions.Length];
        var significant = new bool[positions.Length];
        var featureCount = features.Features.Length;
        var left = new int[featureCount];
        var right = new int[featureCount];
        var threshold = -Math.Log10(alpha);
        var minSupport = options.MinSupport;
        for (var p = 0; p < window && positions.Length > 0; p++)
        {
            Count(features.Row(p), left, 1);
            Count(features.Row(window + p), right, 1);
        }

        for (var i = 0; i < positions.Length; i++)
        {
            if ((i & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var boundary = window + (i * stride);
            if (i > 0)
            {
                for (var p = boundary - stride; p < boundary; p++)
                {
                    Count(features.Row(p - window), left, -1);
                    var row = features.Row(p);
                    Count(row, right, -1);
                    Count(row, left, 1);
                    Count(features.Row(p + window), right, 1);
                }
            }

            positions[i] = boundary;
            scores[i] = Score(left, right, window, minSupport);
            significant[i] = scores[i] > threshold;
        }

        var candidates = Runs(positions, scores, significant, options.Persistence);
        for (var c = 0; c < candidates.Count && stride > 1; c++)
        {
            candidates[c] = Refine(features, window, stride, candidates[c], left, right, minSupport);
        }

        return new DriftScan(window, positions, scores, significant, candidates);
    }

    /// <summary>
    /// Places a change found at the stride's resolution on the single case: tests every boundary within one stride of
    /// it and keeps the strongest (the tested boundary wins ties). Reuses <paramref name="left"/> and
    /// <paramref name="right"/> as scratch.
    /// </summary>
    private static (int Position, double Score) Refine(
        DriftFeatures features, int window, int stride, (int Position, double Score) found, int[] left, int[] right, int minSupport)
    {
        var from = Math.Max(window, found.Position - stride + 1);
        var to = Math.Min(features.CaseCount - window, found.Position + stride - 1);
        Array.Clear(left);
        Array.Clear(right);
        for (var p = 0; p < window; p++)
        {
            Count(features.Row(from - window + p), left, 1);
            Count(features.Row(from + p), right, 1);
        }

        var best = found;
        for (var boundary = from; boundary <= to; boundary++)
        {
            if (boundary > from)
            {
                var p = boundary - 1;
                Count(features.Row(p - window), left, -1);
                var row = features.Row(p);
                Count(row, right, -1);
                Count(row, left, 1);
                Count(features.Row(p + window), right, 1);
            }

            var score = Score(left, right, window, minSupport);
            if (score > best.Score)
            {
                best = (boundary, score);
            }
        }

        return best;
    }

    private static void Count(ReadOnlySpan<int> row, int[] counts, int delta)
    {
        foreach (var f in row)
        {
            counts[f] += delta;
        }
    }

    /// <summary>-log10 of the Bonferroni-corrected p-value of the most different feature.</summary>
    private static double Score(ReadOnlySpan<int> left, ReadOnlySpan<int> right, int window, int minSupport)
    {
        var tested = 0;
        var best = 0.0;
        var both = 2 * window;
        for (var f = 0; f < left.Length; f++)
        {
            var total = left[f] + right[f];
            if (total < minSupport || both - total < minSupport)
            {
                continue;
            }

            tested++;
            var chi = DriftStatistics.EqualWindows(left[f], right[f], window);
            if (chi > best)
            {
                best = chi;
            }
        }

        return tested == 0 ? 0 : Math.Max(0, -(DriftStatistics.Log10PValue(best) + Math.Log10(tested)));
    }

    private static List<(int Position, double Score)> Runs(int[] positions, double[] scores, bool[] significant, int persistence)
    {
        var candidates = new List<(int, double)>();
        var runStart = -1;
        for (var i = 0; i <= positions.Length; i++)
        {
            if (i < positions.Length && significant[i])
            {
                if (runStart < 0)
                {
                    runStart = i;
                }

                continue;
            }

            if (runStart >= 0 && i - runStart >= persistence)
            {
                var peak = runStart;
                for (var j = runStart + 1; j < i; j++)
                {
                    if (scores[j] > scores[peak])
                    {
                        peak = j;
                    }
                }

                candidates.Add((positions[peak], scores[peak]));
            }

            runStart = -1;
        }

        return candidates;
    }
}
