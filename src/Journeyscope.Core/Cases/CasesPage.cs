using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Cases;

/// <summary>
/// One page of the cases matching a drill-down, in log order: the result of <c>GET …/cases</c> and the case lists of
/// the process map and variants pages.
/// </summary>
/// <param name="Total">Number of matching cases.</param>
/// <param name="Page">The 1-based page.</param>
/// <param name="PageSize">Cases per page.</param>
/// <param name="Cases">The cases of this page.</param>
public sealed record CasesPage(long Total, int Page, int PageSize, IReadOnlyList<CaseListItem> Cases)
{
    /// <summary>Cases per page when none is asked for.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>
    /// The cases of <paramref name="log"/> with <paramref name="activity"/>, through the directly-follows edge
    /// <paramref name="from"/> → <paramref name="to"/>, and following the variant of rank <paramref name="variant"/>
    /// (each only when given); page <paramref name="page"/> of <paramref name="pageSize"/>. An unknown activity matches no case.
    /// With a <paramref name="view"/>, the node or edge as the process map at those sliders draws it (<see cref="CaseMapView"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Only one end of the edge is given, or the variant rank is not one of the log's.</exception>
    public static CasesPage List(
        EventLog log, string? activity = null, string? from = null, string? to = null, int? variant = null, int page = 1, int pageSize = DefaultPageSize,
        CaseMapView? view = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        if ((from is null) != (to is null))
        {
            throw new ArgumentException("Give both 'from' and 'to' to list the cases through a directly-follows edge (for example ?from=A&to=B).");
        }

        var matcher = new CaseMatcher(log, activity, from, to, Sequence(log, variant, cancellationToken), view);
        var skip = (long)(page - 1) * pageSize;
        long total = 0;
        var cases = new List<CaseListItem>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (!matcher.Matches(c))
            {
                continue;
            }

            if (total >= skip && cases.Count < pageSize)
            {
                cases.Add(Item(log, c));
            }

            total++;
        }

        return new CasesPage(total, page, pageSize, cases);
    }

    private static int[]? Sequence(EventLog log, int? rank, CancellationToken cancellationToken)
    {
        if (rank is null)
        {
            return null;
        }

        var set = VariantSet.Discover(log, cancellationToken: cancellationToken);
        if (rank < 1 || rank > set.Variants.Count)
        {
            throw new ArgumentException($"variant is a rank between 1 and {set.Variants.Count} in the filtered log, got {rank}.");
        }

        return [.. set.Variants[rank.Value - 1].ActivityCodes];
    }

    private static CaseListItem Item(EventLog log, int c)
    {
        var times = log.CaseTimestamps(c);
        var first = log.GetTimestamp(log.CaseStart(c));
        var last = log.GetTimestamp(log.CaseStart(c + 1) - 1);
        var activities = new List<string>(times.Length);
        foreach (var a in log.CaseActivities(c))
        {
            activities.Add(log.ActivityNames[a]);
        }

        return new CaseListItem(log.CaseIds[c], times.Length, first, last, (times[^1] - times[0]) / (double)TimeSpan.TicksPerSecond, activities);
    }
}
