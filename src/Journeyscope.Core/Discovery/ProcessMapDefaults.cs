namespace Journeyscope.Discovery;

/// <summary>
/// Where the process map's sliders start: a readable map, as Disco opens one, instead of every activity and every path.
/// The web page opens at these values (the API computes them when asked with <c>sliders=readable</c>); the CLI's
/// <c>discover</c> keeps its explicit defaults of 100 % and 100 % (docs/analyses.md).
/// </summary>
/// <remarks>
/// <para>
/// Activities: the largest share on the slider's <see cref="SliderStep"/> grid whose kept activities number at most
/// <see cref="MaxActivities"/>. The activity slider keeps the most frequent activities, so this keeps the
/// <see cref="MaxActivities"/> (or slightly fewer) busiest ones, and every activity when the log has no more than that.
/// </para>
/// <para>
/// Paths: the largest share on the same grid whose map keeps at most <see cref="MaxEdgesPerActivity"/> edges between
/// activities per kept activity (never less than the <see cref="SliderStep"/> itself, so the most frequent path, a
/// self-loop included, is always drawn). The path slider keeps edges by significance (frequency), then adds back the
/// edges that keep every activity connected from start to end, so the map shows its main flows and stays connected.
/// </para>
/// </remarks>
public static class ProcessMapDefaults
{
    /// <summary>The most activities a map opens with.</summary>
    public const int MaxActivities = 25;

    /// <summary>The most edges between activities a map opens with, per activity on it.</summary>
    public const double MaxEdgesPerActivity = 1.5;

    /// <summary>The sliders' step: the defaults are multiples of it, so the page's sliders can show them exactly.</summary>
    public const double SliderStep = 0.05;

    private const int Steps = 20; // 1 / SliderStep

    /// <summary>The activity slider a map of <paramref name="statistics"/> (with every activity kept) opens at.</summary>
    /// <param name="statistics">The statistics of the whole log (<see cref="ProcessMapStatistics.Discover"/> with every activity kept).</param>
    /// <returns>A share in [<see cref="SliderStep"/>, 1] on the <see cref="SliderStep"/> grid.</returns>
    /// <remarks>O(A log A) per grid step, A the number of activities; never reads the events.</remarks>
    public static double ActivityShare(ProcessMapStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        for (var step = Steps; step > 1; step--)
        {
            var share = step / (double)Steps;
            if (KeptCount(statistics.SelectActivities(share), statistics.SourceEventCounts) <= MaxActivities)
            {
                return share;
            }
        }

        return SliderStep;
    }

    /// <summary>
    /// The path slider a map of <paramref name="statistics"/> (already restricted to the activities the activity slider
    /// keeps) opens at.
    /// </summary>
    /// <returns>A share in [<see cref="SliderStep"/>, 1] on the <see cref="SliderStep"/> grid.</returns>
    /// <remarks>Builds the map (graph work only, see <see cref="ProcessMap.Build(ProcessMapStatistics, double)"/>) once per grid step.</remarks>
    public static double PathShare(ProcessMapStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var activities = KeptCount(statistics.KeptActivities, statistics.SourceEventCounts);
        var budget = (int)Math.Ceiling(MaxEdgesPerActivity * Math.Max(1, activities));
        for (var step = Steps; step > 1; step--)
        {
            var share = step / (double)Steps;
            if (ProcessMap.Build(statistics, share).Edges.Count <= budget)
            {
                return share;
            }
        }

        return SliderStep;
    }

    private static int KeptCount(ReadOnlySpan<bool> kept, ReadOnlySpan<long> events)
    {
        var count = 0;
        for (var a = 0; a < kept.Length; a++)
        {
            count += kept[a] && events[a] > 0 ? 1 : 0;
        }

        return count;
    }
}
