using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;

namespace Journeyscope.Agenda;

/// <summary>
/// Builds the quantified, prioritised improvement agenda of a journey (docs/agenda.md): opportunities from the alignments,
/// the time targets and the bottlenecks, each with its case set, its effects on the linked KPIs (associational and adjusted,
/// seeded case-level bootstrap, Benjamini-Hochberg), its value per period and a WSJF priority.
/// </summary>
/// <remarks>Deterministic for a given log, journey and options. Thread-safe: no shared state.</remarks>
public static partial class AgendaAnalysis
{
    /// <summary>The agenda of <paramref name="log"/> against <paramref name="journey"/>.</summary>
    /// <param name="log">The (filtered) log.</param>
    /// <param name="journey">The designed journey with its KPIs, time targets, <c>value:</c> and <c>solutions:</c>.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="options">Settings; <see cref="AgendaOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Checked once per chunk of work.</param>
    /// <exception cref="ArgumentException">An <see cref="AgendaOptions.AdjustFor"/> attribute is not a case attribute of the log.</exception>
    /// <exception cref="KpiException">A KPI of the journey is misconfigured.</exception>
    public static AgendaResult Compute(EventLog log, DesignedJourney journey, long version = 0, AgendaOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        options ??= AgendaOptions.Default;
        var attributes = Attributes(log, options.AdjustFor);
        var notes = new List<string>();

        var candidates = new List<Candidate>();
        if (journey.Flow is not null && journey.Touchpoints.Count > 0 && log.CaseCount > 0)
        {
            var check = JourneyConformance.Check(log, journey, null, cancellationToken);
            Deviations(check, candidates, cancellationToken);
            TimeTargets(check, candidates, cancellationToken);
        }
        else
        {
            notes.Add("The journey has no flow: deviations and time targets are not opportunities.");
        }

        Bottlenecks(log, journey, options.Bottlenecks, candidates, cancellationToken);
        foreach (var candidate in candidates)
        {
            Concentrate(candidate, attributes, log.CaseCount);
        }

        var supported = Fold(candidates.Where(c => c.Cases.Length >= options.MinimumSupport && c.Cases.Length < log.CaseCount));
        if (supported.Count < candidates.Count)
        {
            notes.Add($"{candidates.Count - supported.Count} gap(s) with fewer than {options.MinimumSupport} cases (or every case) are not tested.");
        }

        var kpis = Measures(log, journey, notes);
        var strata = new Dictionary<string, (int[] Stratum, int Count)>(StringComparer.Ordinal) { [string.Empty] = Strata(attributes, log.CaseCount) };
        foreach (var (name, _) in attributes)
        {
            strata[name] = Strata([.. attributes.Where(a => a.Name != name)], log.CaseCount);
        }

        var keys = Statistics.PoissonWeights.CaseKeys(log.CaseIds);
        var effects = Effects(supported, kpis, journey, strata, keys, options, cancellationToken);
        var tests = ControlFalseDiscoveries(effects);

        var periods = Periods(log, options.Period);
        var ranked = Rank(supported, effects, kpis, journey, periods, log.CaseCount, options.FalseDiscoveryRate);
        var top = ranked.Take(options.Top).ToList();
        for (var i = 0; i < Math.Min(options.RootCauses, top.Count); i++)
        {
            top[i] = top[i] with
            {
                Opportunity = top[i].Opportunity with
                {
                    RootCauses = RootCausesOf(log, version, supported[top[i].Index], top[i].Opportunity.Title, options, cancellationToken),
                }
            };
        }

        var union = new bool[log.CaseCount];
        var total = 0;
        foreach (var o in top)
        {
            foreach (var c in supported[o.Index].Cases)
            {
                total += union[c] ? 0 : 1;
                union[c] = true;
            }
        }

        return new AgendaResult(
            journey.Id, log.TimeBasis, version, log.CaseCount, PeriodName(options.Period), periods,
            [.. options.AdjustFor], journey.Value?.Unit ?? "customers", total, tests, AgendaResult.RankingFormula,
            AgendaCapabilities.Link([.. top.Select(o => o.Opportunity)], journey), notes);
    }

    /// <summary>The factors that explain which cases are in <paramref name="candidate"/>'s case set, strongest first.</summary>
    private static IReadOnlyList<RootCauseFactor> RootCausesOf(
        EventLog log, long version, Candidate candidate, string title, AgendaOptions options, CancellationToken cancellationToken)
    {
        var outcome = new bool[log.CaseCount];
        foreach (var c in candidate.Cases)
        {
            outcome[c] = true;
        }

        var result = RootCauseAnalysis.Analyze(
            log, version, outcome, [title],
            new RootCauseOptions { By = options.AdjustFor.Count == 0 ? null : options.AdjustFor, MinSupport = options.MinimumSupport, BackstageTop = 0 },
            cancellationToken);
        return [.. result.Factors.Where(f => f.Explains && f.RiskDifference > 0).Take(options.RootCauseFactors)];
    }

    /// <summary>The case sets of the listed opportunities by id, for the drill-down into their customers.</summary>
    public static IReadOnlyList<string> CaseIds(EventLog log, DesignedJourney journey, string opportunityId, AgendaOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        options ??= AgendaOptions.Default;
        var attributes = Attributes(log, options.AdjustFor);
        var candidates = new List<Candidate>();
        if (journey.Flow is not null && journey.Touchpoints.Count > 0 && log.CaseCount > 0)
        {
            var check = JourneyConformance.Check(log, journey, null, cancellationToken);
            Deviations(check, candidates, cancellationToken);
            TimeTargets(check, candidates, cancellationToken);
        }

        Bottlenecks(log, journey, options.Bottlenecks, candidates, cancellationToken);
        foreach (var candidate in candidates)
        {
            Concentrate(candidate, attributes, log.CaseCount);
            if (string.Equals(candidate.Id, opportunityId, StringComparison.Ordinal))
            {
                return [.. candidate.Cases.Select(c => log.CaseIds[c])];
            }
        }

        return [];
    }

    /// <summary>Keeps one candidate per distinct case set: the others (the same customers at other touchpoints) are named in its title.</summary>
    private static List<Candidate> Fold(IEnumerable<Candidate> candidates)
    {
        var kept = new List<Candidate>();
        var bySet = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var key = candidate.Cases.Length + "|" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(candidate.Cases.AsSpan())));
            if (bySet.TryGetValue(key, out var first))
            {
                first.AlsoAt.Add($"{candidate.Kind} {candidate.Touchpoint ?? candidate.Subject}");
                continue;
            }

            bySet[key] = candidate;
            kept.Add(candidate);
        }

        foreach (var candidate in kept.Where(c => c.AlsoAt.Count > 0))
        {
            candidate.Title += $" (the same customers: also {string.Join(", ", candidate.AlsoAt)})";
        }

        return kept;
    }

    private static (string Name, string?[] Values)[] Attributes(EventLog log, IReadOnlyList<string> names)
    {
        var attributes = new (string, string?[])[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var column = log.FindCaseAttribute(names[i])
                ?? throw new ArgumentException($"'{names[i]}' is not a case attribute of the log.", nameof(names));
            var values = new string?[log.CaseCount];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = column.GetValue(c)?.ToString();
            }

            attributes[i] = (names[i], values);
        }

        return attributes;
    }

    /// <summary>
    /// Restricts a gap to the segment of one --by attribute that holds at least two thirds of its cases with at least twice
    /// the rate outside (the strongest such concentration wins).
    /// </summary>
    private static void Concentrate(Candidate candidate, (string Name, string?[] Values)[] attributes, int caseCount)
    {
        double bestRatio = 0;
        foreach (var (name, values) in attributes)
        {
            var inside = new Dictionary<string, int>(StringComparer.Ordinal);
            var all = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var v in values)
            {
                if (v is not null)
                {
                    all[v] = all.GetValueOrDefault(v) + 1;
                }
            }

            foreach (var c in candidate.Cases)
            {
                if (values[c] is { } v)
                {
                    inside[v] = inside.GetValueOrDefault(v) + 1;
                }
            }

            foreach (var (value, count) in inside.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (3 * count < 2 * candidate.Cases.Length)
                {
                    continue;
                }

                double rateIn = count / (double)all[value];
                var outside = caseCount - all[value];
                double rateOut = outside == 0 ? 1 : (candidate.Cases.Length - count) / (double)outside;
                var ratio = rateOut == 0 ? double.MaxValue : rateIn / rateOut;
                if (ratio >= 2 && ratio > bestRatio)
                {
                    bestRatio = ratio;
                    candidate.Segment = new AgendaSegment(name, value);
                }
            }
        }

        if (candidate.Segment is { } segment)
        {
            var values = attributes.First(a => a.Name == segment.Attribute).Values;
            candidate.Cases = [.. candidate.Cases.Where(c => string.Equals(values[c], segment.Value, StringComparison.Ordinal))];
            candidate.Title += $" for {segment.Attribute} {segment.Value}";
        }
    }

    /// <summary>The stratum of each case: the cross-classification of the --by attributes (the 63 largest, the rest pooled).</summary>
    private static (int[] Stratum, int Count) Strata((string Name, string?[] Values)[] attributes, int caseCount)
    {
        var stratum = new int[caseCount];
        if (attributes.Length == 0)
        {
            return (stratum, 0);
        }

        var labels = new string[caseCount];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < caseCount; c++)
        {
            labels[c] = string.Join('\u001f', attributes.Select(a => a.Values[c] ?? string.Empty));
            counts[labels[c]] = counts.GetValueOrDefault(labels[c]) + 1;
        }

        var kept = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(63)
            .Select((p, i) => (p.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        for (var c = 0; c < caseCount; c++)
        {
            stratum[c] = kept.TryGetValue(labels[c], out var s) ? s : kept.Count;
        }

        return (stratum, kept.Count + (counts.Count > kept.Count ? 1 : 0));
    }

    private static double Periods(EventLog log, KpiPeriod period)
    {
        if (log.EventCount == 0)
        {
            return 1;
        }

        long min = long.MaxValue, max = long.MinValue;
        foreach (var t in log.Timestamps)
        {
            (min, max) = (Math.Min(min, t), Math.Max(max, t));
        }

        var days = (max - min) / (double)TimeSpan.TicksPerDay;
        var length = period switch
        {
            KpiPeriod.Day => 1,
            KpiPeriod.Week => 7,
            KpiPeriod.Quarter => 365.25 / 4,
            KpiPeriod.Year => 365.25,
            _ => 365.25 / 12,
        };
        return Math.Max(1, days / length);
    }

    private static string PeriodName(KpiPeriod period) => period switch
    {
        KpiPeriod.Day => "day",
        KpiPeriod.Week => "week",
        KpiPeriod.Quarter => "quarter",
        KpiPeriod.Year => "year",
        _ => "month",
    };
}
