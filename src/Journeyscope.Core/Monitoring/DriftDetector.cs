using Journeyscope.EventLogs;

namespace Journeyscope.Monitoring;

/// <summary>
/// Finds the points where the way cases travel changed (process drift) and says what changed, in plain words.
/// </summary>
/// <remarks>
/// The method (docs/monitoring.md, "Process drift"): cases ordered by their first event; per case the activities,
/// directly-follows relations and frequent variants it has; at boundaries every <c>window / 20</c> cases the window of
/// cases before is compared with the window after, feature by feature, with a 2x2 chi-square test (Yates), Bonferroni
/// over the features tested; a change must be significant at <see cref="DriftOptions.Persistence"/> consecutive
/// boundaries and is placed at the strongest one. Without a window, scales of 200, 400 and 800 cases are scanned (alpha
/// split between them) and a larger scale's change is kept only where no smaller scale found one. O(cases x features
/// per case + boundaries x features); pure and thread-safe.
/// </remarks>
public static class DriftDetector
{
    private const int TimelinePoints = 300;
    private const int MaxScales = 3;

    /// <summary>Detects the drift of <paramref name="log"/>.</summary>
    /// <param name="log">The log; its cases are ordered by their first event.</param>
    /// <param name="version">The workspace version the log was read at (reported as is).</param>
    /// <param name="options">The parameters, or <see cref="DriftOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked once per chunk of cases.</param>
    public static DriftResult Detect(EventLog log, long version = 0, DriftOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        options ??= DriftOptions.Default;
        options.Validate();
        var n = log.CaseCount;
        var windows = Windows(n, options.Window);
        var parameters = new DriftParameters(windows, options.Window is null, options.Alpha, options.Persistence,
            options.StridesPerWindow, options.MinSupport, options.MaxVariants);
        if (windows.Count == 0)
        {
            return new DriftResult(log.TimeBasis, version, n, DriftResult.MethodText, parameters, [], []);
        }

        var features = options.ReferenceFeatures
            ? DriftFeatures.BuildReference(log, options.MaxVariants, cancellationToken)
            : DriftFeatures.Build(log, options.MaxVariants, cancellationToken);
        var alpha = options.Alpha / windows.Count;
        // The scales are independent scans over the same features: one per core.
        var scans = new DriftScan[windows.Count];
        Parallel.For(0, windows.Count, new ParallelOptions { CancellationToken = cancellationToken },
            s => scans[s] = DriftScan.Run(features, windows[s], options, alpha, cancellationToken));
        var accepted = new List<(int Position, double Score, int Window)>();
        foreach (var scan in scans)
        {
            foreach (var (position, score) in scan.Candidates)
            {
                if (!accepted.Exists(a => Math.Abs(a.Position - position) < scan.Window))
                {
                    accepted.Add((position, score, scan.Window));
                }
            }
        }

        accepted.Sort((x, y) => x.Position.CompareTo(y.Position));
        var positions = accepted.ConvertAll(a => a.Position);
        var changes = DriftDescription.Describe(log, features, positions, accepted.ConvertAll(a => a.Window), options, cancellationToken);
        var points = new List<DriftChangePoint>(accepted.Count);
        for (var j = 0; j < accepted.Count; j++)
        {
            var (position, score, window) = accepted[j];
            var caseIndex = features.Order[position];
            var (before, after) = DriftDescription.SegmentSizes(positions, j, n);
            points.Add(new DriftChangePoint(position, log.CaseIds[caseIndex], log.GetTimestamp(log.CaseStart(caseIndex)), window,
                Math.Pow(10, -score), before, after, changes[j]));
        }

        return new DriftResult(log.TimeBasis, version, n, DriftResult.MethodText, parameters, points, Timeline(log, features, scans[0]));
    }

    /// <summary>The window scales: the one given (at most half the log), or adaptive ones from 200 cases.</summary>
    private static List<int> Windows(int caseCount, int? window)
    {
        var windows = new List<int>();
        if (window is { } w)
        {
            var fitted = Math.Min(w, caseCount / 2);
            if (fitted >= DriftOptions.MinWindow)
            {
                windows.Add(fitted);
            }

            return windows;
        }

        var first = Math.Min(DriftOptions.DefaultWindow, caseCount / 4);
        if (first < DriftOptions.MinWindow)
        {
            return windows;
        }

        for (var scale = first; windows.Count < MaxScales && (windows.Count == 0 || caseCount >= 4 * scale); scale *= 2)
        {
            windows.Add(scale);
        }

        return windows;
    }

    private static List<DriftTimelinePoint> Timeline(EventLog log, DriftFeatures features, DriftScan scan)
    {
        var count = scan.Positions.Length;
        var bucket = Math.Max(1, (count + TimelinePoints - 1) / TimelinePoints);
        var timeline = new List<DriftTimelinePoint>((count / bucket) + 1);
        for (var start = 0; start < count; start += bucket)
        {
            var peak = start;
            var significant = false;
            for (var i = start; i < Math.Min(count, start + bucket); i++)
            {
                peak = scan.Scores[i] > scan.Scores[peak] ? i : peak;
                significant |= scan.Significant[i];
            }

            var caseIndex = features.Order[scan.Positions[peak]];
            timeline.Add(new DriftTimelinePoint(scan.Positions[peak], log.GetTimestamp(log.CaseStart(caseIndex)),
                Math.Round(scan.Scores[peak], 3), significant));
        }

        return timeline;
    }
}
