using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>Drill-down: the cases through a node, an edge or a variant, and one case's events.</summary>
internal static class CaseEndpoints
{
    private const int MaxPageSize = 1000;

    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/cases", List).WithName("ListCases")
            .WithSummary("Cases in log order, optionally those with an activity, a directly-follows edge (from, to) or a variant rank; paged. "
                + "With the map's sliders (activities, paths), the cases of the node or edge as the process map draws it.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        workspace.MapGet("/cases/{caseId}", Get).WithName("GetCase")
            .WithSummary("One case: its attributes and its events in order with every attribute.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<CasesPage>> List(
        string ws, string? activity, string? from, string? to, int? variant, int? page, int? pageSize, double? activities, double? paths,
        string[]? filter, string? timeBasis, EventLogCache cache, AnalysisCache analyses, CancellationToken cancellationToken)
    {
        var pageNumber = LogQuery.Positive(page, 1, int.MaxValue, "page");
        var size = LogQuery.Positive(pageSize, 50, MaxPageSize, "pageSize");
        if ((from is null) != (to is null))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Incomplete edge",
                "Give both 'from' and 'to' to list the cases through a directly-follows edge (for example ?from=A&to=B).");
        }

        var cached = await LogQuery.LoadCachedAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        var log = cached.Log;
        var shown = await ShownAsync(cached, analyses, activity, from, to, activities, paths, cancellationToken).ConfigureAwait(false);
        var matcher = new CaseMatcher(log, activity, from, to, Sequence(log, variant, cancellationToken), shown);
        var skip = (long)(pageNumber - 1) * size;
        long total = 0;
        var cases = new List<CaseListItem>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (!matcher.Matches(c))
            {
                continue;
            }

            if (total >= skip && cases.Count < size)
            {
                cases.Add(Item(log, c));
            }

            total++;
        }

        return TypedResults.Ok(new CasesPage(total, pageNumber, size, cases));
    }

    private static async Task<Ok<CaseDetails>> Get(string ws, string caseId, string? timeBasis, EventLogCache cache, CancellationToken cancellationToken)
    {
        var (log, _) = await LogQuery.LoadAsync(cache, ws, null, timeBasis, cancellationToken).ConfigureAwait(false);
        var c = -1;
        var ids = log.CaseIds;
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.Equals(ids[i], caseId, StringComparison.Ordinal))
            {
                c = i;
                break;
            }
        }

        if (c < 0)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown case",
                $"Workspace '{ws}' has no case '{caseId}'. Case ids are case-sensitive; list cases with GET /api/v1/workspaces/{ws}/cases.");
        }

        var events = new List<CaseEvent>(log.CaseLength(c));
        for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
        {
            events.Add(new CaseEvent(
                e - log.CaseStart(c),
                log.ActivityNames[log.Activities[e]],
                log.GetTimestamp(e),
                log.StartTimestamps is { } starts && starts.IsValid(e) ? starts.GetValue(e)?.AsDateTimeOffset() : null,
                log.Lifecycle?.GetString(e),
                log.Resource?.GetString(e),
                log.Channel?.GetString(e),
                JsonValues.Row(log.EventAttributes, e)));
        }

        var times = log.CaseTimestamps(c);
        var duration = times.IsEmpty ? 0 : (times[^1] - times[0]) / (double)TimeSpan.TicksPerSecond;
        return TypedResults.Ok(new CaseDetails(caseId, LogQuery.Name(log.TimeBasis), duration, JsonValues.Row(log.CaseAttributes, c), events));
    }

    /// <summary>
    /// With a slider given, what the map at those sliders shows: per activity code whether it is on the map, or null when
    /// the asked node or edge is not on it (no case then). Without sliders, every activity (null: no projection).
    /// </summary>
    private static async Task<MapView?> ShownAsync(
        CachedLog cached, AnalysisCache analyses, string? activity, string? from, string? to, double? activities, double? paths,
        CancellationToken cancellationToken)
    {
        if (activities is null && paths is null)
        {
            return null;
        }

        var map = await ProcessMapJson.MapAsync(
            cached, analyses, LogQuery.Share(activities, "activities"), LogQuery.Share(paths, "paths"), cancellationToken).ConfigureAwait(false);
        var onMap = (activity is null || map.FindActivity(activity) is not null)
            && (from is null || to is null || map.FindEdge(from, to) is not null);
        return new MapView(map.Statistics.KeptActivities.ToArray(), onMap);
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
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown variant",
                $"variant is a rank between 1 and {set.Variants.Count} in the filtered log, got {rank}.");
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

    /// <summary>The activities a map at given sliders keeps, and whether the asked node or edge is drawn on it.</summary>
    private sealed record MapView(bool[] Kept, bool OnMap);

    /// <summary>
    /// Whether a case has the activity, the directly-follows pair, and the variant's exact sequence (each when asked).
    /// With a map view, the pair is matched in the case's trace without the hidden activities, as the map's edges are
    /// counted (hiding B turns A→B→C into A→C), and a node or edge the map does not draw matches no case.
    /// </summary>
    private sealed class CaseMatcher(EventLog log, string? activity, string? from, string? to, int[]? sequence, MapView? view)
    {
        // An unknown activity name matches no case (code -2 never occurs); null means "not asked".
        private readonly int? _activity = activity is null ? null : Code(log, activity);
        private readonly int? _from = from is null ? null : Code(log, from);
        private readonly int? _to = to is null ? null : Code(log, to);

        public bool Matches(int c)
        {
            if (view is { OnMap: false })
            {
                return false;
            }

            var trace = log.CaseActivities(c);
            if (sequence is not null && !trace.SequenceEqual(sequence))
            {
                return false;
            }

            if (_activity is { } a && !trace.Contains(a))
            {
                return false;
            }

            if (_from is { } f && _to is { } t)
            {
                return view is null ? Follows(trace, f, t) : FollowsProjected(trace, f, t, view.Kept);
            }

            return true;
        }

        private static bool Follows(ReadOnlySpan<int> trace, int from, int to)
        {
            for (var i = 1; i < trace.Length; i++)
            {
                if (trace[i - 1] == from && trace[i] == to)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool FollowsProjected(ReadOnlySpan<int> trace, int from, int to, bool[] kept)
        {
            var previous = -1;
            foreach (var a in trace)
            {
                if (!kept[a])
                {
                    continue;
                }

                if (previous == from && a == to)
                {
                    return true;
                }

                previous = a;
            }

            return false;
        }

        private static int Code(EventLog log, string name)
        {
            var code = log.FindActivity(name);
            return code < 0 ? -2 : code;
        }
    }
}
