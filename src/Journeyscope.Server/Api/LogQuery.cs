using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>What every analysis endpoint shares: the time basis, the filters, and the cached log they apply to.</summary>
internal static class LogQuery
{
    public static TimeBasis ParseTimeBasis(string? text) => text switch
    {
        null or "" or "utc" => TimeBasis.Utc,
        "wall-clock" => TimeBasis.WallClock,
        _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid time basis",
            $"timeBasis must be 'utc' (true elapsed time, the default) or 'wall-clock' (offsets ignored, as PM4Py does), got '{text}'."),
    };

    public static string Name(TimeBasis basis) => basis == TimeBasis.Utc ? "utc" : "wall-clock";

    /// <summary>Parses the filters (a bad one is a 400 with its position), then filters the cached log.</summary>
    public static async Task<(EventLog Log, long Version)> LoadAsync(
        EventLogCache cache, string workspace, string[]? filters, string? timeBasis, CancellationToken cancellationToken)
    {
        var cached = await LoadCachedAsync(cache, workspace, filters, timeBasis, cancellationToken).ConfigureAwait(false);
        return (cached.Log, cached.Version);
    }

    /// <summary>
    /// As <see cref="LoadAsync"/>, with the key the filtered log is cached under, for analyses cached in
    /// <see cref="AnalysisCache"/>. The filtered log itself is cached (see <see cref="EventLogCache"/>).
    /// </summary>
    public static async Task<CachedLog> LoadCachedAsync(
        EventLogCache cache, string workspace, string[]? filters, string? timeBasis, CancellationToken cancellationToken)
    {
        var basis = ParseTimeBasis(timeBasis);
        var parsed = FilterParser.ParseAll(filters ?? []);
        if (parsed.Count > 0)
        {
            var (full, _) = await cache.GetAsync(workspace, basis, cancellationToken).ConfigureAwait(false);
            RequireKnownActivities(full, parsed, "filter", workspace);
        }

        return await cache.GetAsync(workspace, basis, parsed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A 400 with a did-you-mean when a filter names an activity the (unfiltered) log lacks: it would silently match nothing.</summary>
    public static void RequireKnownActivities(EventLog log, IEnumerable<LogFilter> filters, string where, string workspace)
    {
        if (FilterNames.FirstUnknownActivity(log, filters, where) is { } unknown)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown activity",
                $"{unknown} The activities are listed by GET /api/v1/workspaces/{workspace}/summary.");
        }
    }

    public static double Share(double? value, string name)
    {
        var share = value ?? 1.0;
        if (!(share >= 0 && share <= 1))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid slider",
                $"{name} is a share between 0 and 1 (for example 0.8), got {share.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        return share;
    }

    public static int Positive(int? value, int defaultValue, int max, string name)
    {
        var n = value ?? defaultValue;
        if (n <= 0 || n > max)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"Invalid {name}",
                $"{name} must be between 1 and {max}, got {n}.");
        }

        return n;
    }

    /// <summary>An offset for paging: 0 when absent; a negative one is a 400 problem.</summary>
    public static int Offset(int? value, string name = "offset") => value is not { } n || n >= 0
        ? value ?? 0
        : throw new ApiProblemException(StatusCodes.Status400BadRequest, $"Invalid {name}", $"{name} must be 0 or more, got {n}.");
}
