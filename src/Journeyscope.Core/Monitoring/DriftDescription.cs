using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Monitoring;

/// <summary>
/// Says what changed at each change point: the features whose share of cases differs significantly between the
/// stretch before it (back to the previous change point) and the stretch after it (up to the next one).
/// </summary>
internal static class DriftDescription
{
    /// <summary>The smallest difference in share reported (one percentage point): smaller ones are significant only on huge logs.</summary>
    private const double MinEffect = 0.01;

    /// <summary>
    /// The changes at each change point over the stretches around it; when the stretches show none (a short stretch
    /// between two close change points), over the windows the change was found with.
    /// </summary>
    public static List<IReadOnlyList<DriftChange>> Describe(
        EventLog log, DriftFeatures features, IReadOnlyList<int> changePositions, IReadOnlyList<int> windows, DriftOptions options,
        CancellationToken cancellationToken)
    {
        var featureCount = features.Features.Length;
        var segments = changePositions.Count + 1;
        var counts = new int[segments][];
        var sizes = new int[segments];
        var segment = 0;
        counts[0] = new int[featureCount];
        for (var p = 0; p < features.CaseCount; p++)
        {
            while (segment < changePositions.Count && p >= changePositions[segment])
            {
                segment++;
                counts[segment] = new int[featureCount];
            }

            sizes[segment]++;
            foreach (var f in features.Row(p))
            {
                counts[segment][f]++;
            }
        }

        while (segment < changePositions.Count)
        {
            segment++;
            counts[segment] = new int[featureCount];
        }

        var result = new List<IReadOnlyList<DriftChange>>(changePositions.Count);
        for (var j = 0; j < changePositions.Count; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changes = Compare(log, features, counts[j], sizes[j], counts[j + 1], sizes[j + 1], options);
            if (changes.Count == 0)
            {
                var (before, after) = (new int[featureCount], new int[featureCount]);
                var at = changePositions[j];
                var w = Math.Min(windows[j], Math.Min(at, features.CaseCount - at));
                for (var p = 0; p < w; p++)
                {
                    foreach (var f in features.Row(at - w + p))
                    {
                        before[f]++;
                    }

                    foreach (var f in features.Row(at + p))
                    {
                        after[f]++;
                    }
                }

                changes = Compare(log, features, before, w, after, w, options);
            }

            result.Add(changes);
        }

        return result;
    }

    public static (int Before, int After) SegmentSizes(IReadOnlyList<int> changePositions, int index, int caseCount)
    {
        var start = index == 0 ? 0 : changePositions[index - 1];
        var end = index + 1 < changePositions.Count ? changePositions[index + 1] : caseCount;
        return (changePositions[index] - start, end - changePositions[index]);
    }

    private static List<DriftChange> Compare(
        EventLog log, DriftFeatures features, int[] before, int nb, int[] after, int na, DriftOptions options)
    {
        var tested = 0;
        for (var f = 0; f < before.Length; f++)
        {
            if (before[f] + after[f] > 0)
            {
                tested++;
            }
        }

        var threshold = Math.Log10(options.Alpha / Math.Max(1, tested));
        var found = new List<(int Feature, double Effect)>();
        for (var f = 0; f < before.Length; f++)
        {
            var shareBefore = nb == 0 ? 0 : (double)before[f] / nb;
            var shareAfter = na == 0 ? 0 : (double)after[f] / na;
            var effect = Math.Abs(shareAfter - shareBefore);
            if (effect < MinEffect)
            {
                continue;
            }

            if (DriftStatistics.Log10PValue(DriftStatistics.TwoSamples(before[f], nb, after[f], na)) < threshold)
            {
                found.Add((f, effect));
            }
        }

        // Activities and relations first (they read as plain words), variants after; larger differences first.
        found.Sort((x, y) =>
        {
            var xv = features.Features[x.Feature].Subject == DriftSubject.Variant;
            var yv = features.Features[y.Feature].Subject == DriftSubject.Variant;
            return xv != yv ? xv.CompareTo(yv) : y.Effect.CompareTo(x.Effect);
        });
        var changes = new List<DriftChange>(Math.Min(found.Count, options.MaxChanges));
        foreach (var (f, _) in found.Take(options.MaxChanges))
        {
            changes.Add(Change(log, features.Features[f], before[f], nb, after[f], na));
        }

        return changes;
    }

    private static DriftChange Change(EventLog log, DriftFeature feature, int before, int nb, int after, int na)
    {
        var shareBefore = nb == 0 ? 0 : (double)before / nb;
        var shareAfter = na == 0 ? 0 : (double)after / na;
        var kind = before == 0 ? DriftChangeKind.Appeared : after == 0 ? DriftChangeKind.Vanished : DriftChangeKind.Frequency;
        var names = log.ActivityNames;
        var (activity, from, to, variant, subject) = feature.Subject switch
        {
            DriftSubject.Activity => (names[feature.First], null, null, null, $"'{names[feature.First]}'"),
            DriftSubject.Edge => ((string?)null, names[feature.First], names[feature.Second], (IReadOnlyList<string>?)null,
                $"'{names[feature.First]}' directly followed by '{names[feature.Second]}'"),
            _ => (null, null, null, Sequence(log, feature.ExampleCase), $"the variant {string.Join(" > ", Sequence(log, feature.ExampleCase))}"),
        };
        var text = kind switch
        {
            DriftChangeKind.Appeared => $"{Capital(subject)} appeared: in {Percent(shareAfter)} of cases after, none before.",
            DriftChangeKind.Vanished => $"{Capital(subject)} vanished: in {Percent(shareBefore)} of cases before, none after.",
            _ => $"{Capital(subject)} changed frequency from {Percent(shareBefore)} to {Percent(shareAfter)} of cases.",
        };
        return new DriftChange(kind, feature.Subject, activity, from, to, variant, shareBefore, shareAfter, text);
    }

    private static string[] Sequence(EventLog log, int caseIndex)
    {
        var acts = log.CaseActivities(caseIndex);
        var names = new string[acts.Length];
        for (var i = 0; i < acts.Length; i++)
        {
            names[i] = log.ActivityNames[acts[i]];
        }

        return names;
    }

    private static string Capital(string text) => text.StartsWith('\'') ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
