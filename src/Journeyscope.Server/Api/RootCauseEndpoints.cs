using Journeyscope.Agenda;
using Journeyscope.Filters;
using Journeyscope.Server.Security;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Journeyscope.Server.Api;

/// <summary>
/// <c>GET …/rootcause</c>: what the cases with an outcome have in common (docs/rootcause.md), the same
/// <see cref="RootCauseResult"/> as <c>journeyscope rootcause --format json</c>.
/// </summary>
internal static class RootCauseEndpoints
{
    private const int MaxTop = 500;

    public static void Map(RouteGroupBuilder workspace) =>
        workspace.MapGet("/rootcause", Get).WithName("GetRootCause").RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithSummary("Factors ranked by how much more often the outcome (repeated 'outcome' filters) happens with them, with intervals and q-values, and the backstage waits behind it.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Ok<RootCauseResult>> Get(
        string ws, string[]? outcome, string[]? by, bool? pairs, int? minSupport, int? top, string[]? filter, string? timeBasis,
        EventLogCache cache, CancellationToken cancellationToken)
    {
        if (outcome is null || outcome.Length == 0 || outcome.All(string.IsNullOrWhiteSpace))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Missing outcome",
                "Name the outcome as a filter, e.g. outcome=contains Retry payment (docs/filters.md).");
        }

        var outcomeFilters = FilterParser.ParseAll(outcome.Where(o => !string.IsNullOrWhiteSpace(o)));
        var n = LogQuery.Positive(top, RootCauseOptions.Default.Top, MaxTop, "top");
        var support = LogQuery.Positive(minSupport, RootCauseOptions.Default.MinSupport, int.MaxValue, "minSupport");
        var (log, version) = await LogQuery.LoadAsync(cache, ws, filter, timeBasis, cancellationToken).ConfigureAwait(false);
        LogQuery.RequireKnownActivities(log, outcomeFilters, "outcome", ws);
        var names = (by ?? []).SelectMany(b => b.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var known = RootCauseAnalysis.AttributeNames(log);
        foreach (var name in names)
        {
            var bare = name.StartsWith("case.", StringComparison.Ordinal) ? name[5..] : name.StartsWith("event.", StringComparison.Ordinal) ? name[6..] : name;
            if (!known.Contains(bare, StringComparer.Ordinal))
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown attribute",
                    $"by='{name}' is neither a case nor an event attribute of workspace '{ws}'.{DidYouMean.Hint(bare, known)}");
            }
        }

        var options = new RootCauseOptions { By = names.Count == 0 ? null : names, Pairs = pairs ?? false, MinSupport = support, Top = n };
        return TypedResults.Ok(await Task.Run(() => RootCauseAnalysis.Analyze(log, version, outcomeFilters, options, cancellationToken), cancellationToken)
            .ConfigureAwait(false));
    }
}
