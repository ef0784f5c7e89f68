using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Agenda;

/// <summary>
/// Ranks what cases have in common by how much it goes with an outcome: case attributes, lifted event attributes
/// (channel, resource), the entry path and backstage waits, with risk differences, intervals, lift and q-values, and the
/// backstage hand-overs behind the outcome (docs/rootcause.md).
/// </summary>
/// <remarks>Pure: the same log, outcome and options give the same result. O(cases × factors) plus one pass over events.</remarks>
public static partial class RootCauseAnalysis
{
    /// <summary>The false discovery rate a factor's q-value is held to before it "explains" the outcome.</summary>
    public const double FalseDiscoveryRate = 0.05;

    internal const string CaseAttributeKind = "case-attribute";
    internal const string EventAttributeKind = "event-attribute";
    internal const string EntryPathKind = "entry-path";
    internal const string WaitKind = "wait";
    internal const string PairKind = "pair";

    private const int PairSeeds = 10;

    /// <summary>Analyses the outcome defined by <paramref name="outcome"/> (all filters must keep a case).</summary>
    /// <param name="log">The (filtered) log.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="outcome">The filters that define the outcome; a case has it when they keep at least one of its events.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <exception cref="ArgumentException">No outcome filter, or an attribute in <see cref="RootCauseOptions.By"/> the log does not have.</exception>
    public static RootCauseResult Analyze(
        EventLog log, long version, IReadOnlyList<LogFilter> outcome, RootCauseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Count == 0)
        {
            throw new ArgumentException("Name the outcome with at least one filter.", nameof(outcome));
        }

        return Run(log, version, OutcomeMask(log, outcome, cancellationToken), outcome.Select(f => f.ToString()).ToList(), options,
            RootCauseExclusions.From(outcome), cancellationToken);
    }

    /// <summary>Analyses an outcome given case by case (<paramref name="outcome"/>[c] for case c of <paramref name="log"/>).</summary>
    /// <param name="log">The log.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="outcome">Whether each case has the outcome.</param>
    /// <param name="outcomeText">How the outcome is described in the result.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    public static RootCauseResult Analyze(
        EventLog log, long version, bool[] outcome, IReadOnlyList<string> outcomeText, RootCauseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(outcomeText);
        ArgumentOutOfRangeException.ThrowIfNotEqual(outcome.Length, log.CaseCount, nameof(outcome));
        return Run(log, version, outcome, outcomeText, options, RootCauseExclusions.None, cancellationToken);
    }

    private static RootCauseResult Run(
        EventLog log, long version, bool[] outcome, IReadOnlyList<string> outcomeText, RootCauseOptions? options, RootCauseExclusions exclusions,
        CancellationToken cancellationToken, RootCauseGroups? shared = null)
    {
        options ??= RootCauseOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Top);
        var cases = log.CaseCount;
        var outcomeCases = 0;
        foreach (var o in outcome)
        {
            outcomeCases += o ? 1 : 0;
        }

        var minSupport = Math.Max(Math.Max(1, options.MinSupport), (int)Math.Ceiling(options.MinSupportShare * cases));
        var notes = new List<string>();
        var candidates = new List<RootCauseCandidate>();
        shared ??= Prepare(log, options, exclusions);
        notes.AddRange(shared.Notes);
        candidates.AddRange(shared.Candidates.Select(c => c.For(outcomeCases)));
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var wait in shared.Waits)
        {
            candidates.Add(wait.For(outcome));
        }

        var tested = candidates.Where(c => c.Members.Length >= minSupport && c.PopulationCases - c.Members.Length >= minSupport).ToList();
        var untested = candidates.Count - tested.Count;
        foreach (var candidate in tested)
        {
            candidate.Test(outcome);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (options.Pairs)
        {
            tested.AddRange(SearchPairs(tested, cases, outcomeCases, outcome, minSupport));
        }

        var q = RootCauseStatistics.BenjaminiHochbergAdjust(tested.Select(c => c.PValue).ToList());
        for (var i = 0; i < tested.Count; i++)
        {
            tested[i].QValue = q[i];
        }

        var ranked = Rank(tested);
        if (exclusions.Activities.Count + exclusions.Attributes.Count > 0)
        {
            notes.Add("Left out as defining the outcome: " +
                string.Join(", ", exclusions.Activities.Concat(exclusions.Attributes).Order(StringComparer.Ordinal)) + ".");
        }

        if (untested > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{untested:N0} groups had fewer than {minSupport:N0} cases in the group or in the rest and were not tested."));
        }

        if (outcomeCases == 0 || outcomeCases == cases)
        {
            notes.Add(outcomeCases == 0 ? "No case has the outcome." : "Every case has the outcome: there is nothing to contrast.");
        }

        var factors = ranked.Take(options.Top).Select((c, i) => c.ToFactor(i + 1)).ToList();
        var backstage = options.BackstageTop > 0 ? Backstage(log, outcome, options.BackstageTop, cancellationToken) : [];
        return new RootCauseResult(log.TimeBasis, version, outcomeText, cases, outcomeCases, cases == 0 ? 0 : (double)outcomeCases / cases,
            minSupport, tested.Count, factors, backstage, notes);
    }

    /// <summary>
    /// Root cause of <paramref name="outcome"/> with the outcome-independent groups (attribute values, entry paths) computed
    /// once by <see cref="Prepare"/> for several outcomes of one log (the agenda's opportunities); the same result as
    /// <see cref="Analyze(EventLog, long, bool[], IReadOnlyList{string}, RootCauseOptions?, CancellationToken)"/> with the same options.
    /// </summary>
    internal static RootCauseResult Analyze(
        EventLog log, long version, bool[] outcome, IReadOnlyList<string> outcomeText, RootCauseOptions options, RootCauseGroups shared,
        CancellationToken cancellationToken) =>
        Run(log, version, outcome, outcomeText, options, RootCauseExclusions.None, cancellationToken, shared);

    /// <summary>
    /// The groups of cases root cause tests that do not depend on the outcome: attribute values, entry paths and the waits
    /// before each activity.
    /// </summary>
    internal static RootCauseGroups Prepare(EventLog log, RootCauseOptions? options, RootCauseExclusions exclusions)
    {
        options ??= RootCauseOptions.Default;
        var notes = new List<string>();
        var candidates = new List<RootCauseCandidate>();
        var waits = new List<RootCauseWaitGroup>();
        AddAttributeFactors(log, 0, options, exclusions, candidates, notes);
        var excluded = exclusions.ActivityMask(log);
        if (options.IncludeProcessFactors)
        {
            AddEntryPaths(log, 0, excluded, candidates);
            var minSupport = Math.Max(Math.Max(1, options.MinSupport), (int)Math.Ceiling(options.MinSupportShare * log.CaseCount));
            AddWaits(log, minSupport, excluded, waits);
        }

        return new RootCauseGroups(candidates, waits, excluded, notes);
    }

    /// <summary>Which cases of <paramref name="log"/> the outcome filters keep with at least one event.</summary>
    public static bool[] OutcomeMask(EventLog log, IReadOnlyList<LogFilter> outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(outcome);
        var kept = FilterPipeline.Apply(log, outcome, cancellationToken);
        var ids = new HashSet<string>(kept.CaseIds, StringComparer.Ordinal);
        var mask = new bool[log.CaseCount];
        for (var c = 0; c < mask.Length; c++)
        {
            mask[c] = ids.Contains(log.CaseIds[c]);
        }

        return mask;
    }

    private static List<RootCauseCandidate> Rank(List<RootCauseCandidate> tested) =>
        tested.OrderByDescending(c => c.Distance)
            .ThenByDescending(c => Math.Abs(c.Difference))
            .ThenBy(c => c.PValue)
            .ThenBy(c => c.Kind, StringComparer.Ordinal)
            .ThenBy(c => c.Attribute, StringComparer.Ordinal)
            .ThenBy(c => c.Value, StringComparer.Ordinal)
            .ToList();

    private static List<RootCauseCandidate> SearchPairs(List<RootCauseCandidate> tested, int cases, int outcomeCases, bool[] outcome, int minSupport)
    {
        var seeds = Rank(tested.Where(c => c.IsAttribute && c.PopulationCases == cases).ToList()).Take(PairSeeds).ToList();
        var pairs = new List<RootCauseCandidate>();
        for (var i = 0; i < seeds.Count; i++)
        {
            for (var j = i + 1; j < seeds.Count; j++)
            {
                var (a, b) = (seeds[i], seeds[j]);
                if (string.Equals(a.Attribute, b.Attribute, StringComparison.Ordinal))
                {
                    continue;
                }

                var members = Intersect(a.Members, b.Members);
                if (members.Length < minSupport || cases - members.Length < minSupport)
                {
                    continue;
                }

                var pair = new RootCauseCandidate(PairKind, a.Attribute + " & " + b.Attribute, a.Value + " & " + b.Value,
                    a.Title + " and " + Lower(b.Title), members, cases, outcomeCases);
                pair.Test(outcome);
                if (Math.Abs(pair.Difference) > Math.Abs(a.Difference) && Math.Abs(pair.Difference) > Math.Abs(b.Difference))
                {
                    pairs.Add(pair);
                }
            }
        }

        return pairs;
    }

    private static string Lower(string title) => title.Length == 0 ? title : char.ToLowerInvariant(title[0]) + title[1..];

    private static int[] Intersect(int[] a, int[] b)
    {
        var result = new List<int>(Math.Min(a.Length, b.Length));
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                result.Add(a[i]);
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return [.. result];
    }
}
