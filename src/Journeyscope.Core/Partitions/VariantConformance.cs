using System.Collections.Concurrent;
using System.Globalization;
using Journeyscope.Conformance;
using Journeyscope.EventLogs;

namespace Journeyscope.Partitions;

/// <summary>
/// Conformance of a merged <see cref="JourneyPartial"/> against a Petri net with a per-variant alignment cache: each
/// distinct activity sequence is aligned once, so a live append aligns only the variants it creates.
/// </summary>
/// <remarks>
/// Thread-safe. The figures equal those of <see cref="Alignments.Compute"/> over the whole log (same alignments per
/// variant, the same per-case sums in the same case order). The cache grows with the distinct variants seen; create a
/// new instance for another net or options.
/// </remarks>
public sealed class VariantConformance
{
    private readonly PetriNet _net;
    private readonly AlignmentOptions _options;
    private readonly ConcurrentDictionary<string, TraceAlignment> _aligned = new(StringComparer.Ordinal);
    private long _alignedCount;

    /// <summary>Creates the cache for <paramref name="net"/> (the options' time basis is ignored: variants have no time).</summary>
    public VariantConformance(PetriNet net, AlignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        _net = net;
        _options = options ?? AlignmentOptions.Default;
    }

    /// <summary>How many variants have been aligned since creation (cache misses), for diagnostics and tests.</summary>
    public long AlignedVariants => Interlocked.Read(ref _alignedCount);

    /// <summary>The conformance of the cases of <paramref name="partial"/>, aligning only the variants not seen before.</summary>
    public SnapshotConformance Check(JourneyPartial partial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partial);
        var (variants, caseVariants) = partial.CaseVariants();
        var keys = new string[variants.Count];
        var missing = new List<int>();
        for (var v = 0; v < keys.Length; v++)
        {
            keys[v] = string.Join('\u001f', variants[v]);
            if (!_aligned.ContainsKey(keys[v]))
            {
                missing.Add(v);
            }
        }

        if (missing.Count > 0)
        {
            Align(variants, keys, missing, cancellationToken);
        }

        var alignments = new TraceAlignment[keys.Length];
        for (var v = 0; v < keys.Length; v++)
        {
            alignments[v] = _aligned[keys[v]];
        }

        // Summed per case in log order, as Alignments.Compute does, so the floating-point sums are identical.
        var (average, logFitness, percentage) = Alignments.LogFigures(alignments, caseVariants);
        return new SnapshotConformance(
            logFitness,
            average,
            percentage,
            keys.Length,
            missing.Count);
    }

    /// <summary>
    /// The conformance of the cases of <paramref name="totals"/>, aligning only the variants not seen before; one pass over
    /// the cases in log order (no sort), equal to <see cref="Check(JourneyPartial, CancellationToken)"/> of the same cases.
    /// </summary>
    public SnapshotConformance Check(JourneyTotals totals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var slots = totals.VariantSlots;
        var sequences = new string[slots][];
        var keys = new string[slots];
        var missing = new List<int>();
        var live = 0;
        for (var v = 0; v < slots; v++)
        {
            sequences[v] = totals.VariantSequence(v);
            keys[v] = totals.VariantKey(v);
            if (totals.VariantCases(v) == 0)
            {
                continue;
            }

            live++;
            if (!_aligned.ContainsKey(keys[v]))
            {
                missing.Add(v);
            }
        }

        if (missing.Count > 0)
        {
            Align(sequences, keys, missing, cancellationToken);
        }

        var alignments = new TraceAlignment?[slots];
        for (var v = 0; v < slots; v++)
        {
            alignments[v] = totals.VariantCases(v) == 0 ? null : _aligned[keys[v]];
        }

        double fitnessSum = 0;
        long costSum = 0;
        long worstSum = 0;
        var fitting = 0;
        var cases = 0;
        foreach (var v in totals.OrderedVariants)
        {
            if (v < 0)
            {
                continue;
            }

            var alignment = alignments[v]!;
            var denominator = alignment.TraceLength + alignment.ShortestModelPathCost;
            var fitness = denominator > 0 ? 1.0 - ((double)alignment.Cost / denominator) : 0.0;
            fitnessSum += fitness;
            fitting += fitness == 1.0 ? 1 : 0;
            costSum += alignment.RawCost;
            worstSum += alignment.RawWorstCost;
            cases++;
        }

        return new SnapshotConformance(
            cases > 0 && worstSum > 0 ? 1.0 - ((double)costSum / worstSum) : 0.0,
            cases > 0 ? fitnessSum / cases : 0.0,
            cases > 0 ? 100.0 * fitting / cases : 0.0,
            live,
            missing.Count);
    }

    private void Align(IReadOnlyList<string[]> variants, string[] keys, List<int> missing, CancellationToken cancellationToken)
    {
        // One case per new variant (case i is missing[i]); the alignment of a case depends only on its activity sequence.
        var builder = new EventLogBuilder();
        for (var i = 0; i < missing.Count; i++)
        {
            var caseId = i.ToString(CultureInfo.InvariantCulture);
            builder.AddCase(caseId);
            var sequence = variants[missing[i]];
            for (var e = 0; e < sequence.Length; e++)
            {
                builder.AddEvent(caseId, sequence[e], e);
            }
        }

        var result = Alignments.Compute(builder.Build(), _net, _options, cancellationToken);
        for (var i = 0; i < missing.Count; i++)
        {
            _aligned.TryAdd(keys[missing[i]], result.ForCase(i));
        }

        Interlocked.Add(ref _alignedCount, missing.Count);
    }
}
