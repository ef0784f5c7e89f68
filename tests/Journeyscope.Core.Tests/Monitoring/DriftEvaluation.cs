namespace Journeyscope.Core.Tests.Monitoring;

/// <summary>
/// The evaluation of Adams et al. (2023): a detected change point is a true positive when it lies within the lag of a
/// true one not matched yet (closest first); F1 over all logs, and the mean distance of the true positives (delay).
/// </summary>
internal sealed class DriftEvaluation
{
    public const int Lag = 200;

    public int TruePositives { get; private set; }

    public int Detected { get; private set; }

    public int Actual { get; private set; }

    public long TotalDelay { get; private set; }

    public double Precision => Detected == 0 ? 1 : TruePositives / (double)Detected;

    public double Recall => Actual == 0 ? 1 : TruePositives / (double)Actual;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double MeanDelay => TruePositives == 0 ? double.NaN : TotalDelay / (double)TruePositives;

    public void Add(IReadOnlyList<int> truth, IReadOnlyList<int> detected)
    {
        Actual += truth.Count;
        Detected += detected.Count;
        var used = new bool[detected.Count];
        foreach (var t in truth)
        {
            var best = -1;
            for (var d = 0; d < detected.Count; d++)
            {
                if (!used[d] && Math.Abs(detected[d] - t) <= Lag && (best < 0 || Math.Abs(detected[d] - t) < Math.Abs(detected[best] - t)))
                {
                    best = d;
                }
            }

            if (best >= 0)
            {
                used[best] = true;
                TruePositives++;
                TotalDelay += Math.Abs(detected[best] - t);
            }
        }
    }

    public override string ToString() =>
        FormattableString.Invariant($"F1 {F1:0.000} (precision {Precision:0.000}, recall {Recall:0.000}), mean delay {MeanDelay:0.0} cases, {Detected} detected / {Actual} true");
}
