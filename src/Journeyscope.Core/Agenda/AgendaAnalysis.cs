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
    /// <summary>Two gaps whose customers overlap this much (Jaccard) in one segment are one opportunity.</summary>
    private const double SameCustomers = 0.9;

    /// <summary>The agenda of <paramref name="log"/> against <paramref name="journey"/>.</summary>
    /// <param name="log">The (filtered) log.</param>
    /// <param name="journey">The designed journey with its KPIs, time targets, <c>value:</c> and <c>solutions:</c>.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="options">Settings; <see cref="AgendaOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Checked once per chunk of work.</param>
    /// <exception cref="ArgumentException">
    /// An <see cref="AgendaOptions.AdjustFor"/> attribute, or the journey's <see cref="DesignedJourney.Customer"/>, is not a case
    /// attribute of the log (<see cref="CustomerProblem"/> says so beforehand).
    /// </exception>
    /// <exception cref="KpiException">A KPI of the journey is misconfigured.</exception>
    public static AgendaResult Compute(EventLog log, DesignedJourney journey, long version = 0, AgendaOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        options ??= AgendaOptions.Default;
        return ComputeViews(log, journey, version, options, [(options.Top, options.RootCauses)], cancellationToken)[0];
    }

    /// <summary>
    /// Agendas of one computation that differ only in how many opportunities they list and explain (the HTML report's agenda and
    /// its canvas's): each equals <see cref="Compute(EventLog, DesignedJourney, long, AgendaOptions?, CancellationToken)"/> with
    /// <paramref name="options"/> and that view's <see cref="AgendaOptions.Top"/> and <see cref="AgendaOptions.RootCauses"/>.
    /// </summary>
    internal static AgendaResult[] ComputeViews(
        EventLog log, DesignedJourney journey, long version, AgendaOptions options, (int Top, int RootCauses)[] views, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name)
        {
            options.Phases?.Invoke(name, clock.Elapsed);
            clock.Restart();
        }

        var customers = CustomerCodes(log, journey);
        var attributes = Attributes(log, options.AdjustFor);
        var notes = new List<string>();
        var kpis = Measures(log, journey, notes);
        Phase("attributes and KPI values per case");
        var (strata, keys, table) = Tables(log, attributes, kpis, options, cancellationToken);
        Phase("strata, Poisson weights, cells");
        var candidates = Candidates(log, journey, attributes, kpis, table, options, notes, cancellationToken);
        Phase("candidates (conformance, time targets, funnel, channels, detractors, bottlenecks, segments, KPIs off target)");
        var supported = Fold(candidates.Where(c => c.Cases.Length >= options.MinimumSupport && c.Cases.Length < log.CaseCount));
        if (supported.Count < candidates.Count)
        {
            notes.Add($"{candidates.Count - supported.Count} gap(s) with fewer than {options.MinimumSupport} cases (or every case), or with the same customers as another, are not tested.");
        }

        var effects = Effects(supported, kpis, journey, strata, keys, table, options, cancellationToken);
        var tests = ControlFalseDiscoveries(effects);
        Phase("effects (bootstrap) and Benjamini-Hochberg");

        var periods = Periods(log, options.Period);
        var ranked = Rank(supported, effects, kpis, journey, periods, log.CaseCount, options.FalseDiscoveryRate);
        var top = ranked.Take(views.Max(v => v.Top)).ToList();
        Phase("value and ranking");
        var explained = Math.Max(0, Math.Min(views.Max(v => v.RootCauses), top.Count));
        var rootCauses = new IReadOnlyList<RootCauseFactor>[explained];
        if (explained > 0)
        {
            // The attribute and entry-path groups do not depend on the outcome: grouped once, tested per opportunity.
            var rootCauseOptions = new RootCauseOptions
            {
                By = options.AdjustFor.Count == 0 ? null : options.AdjustFor,
                MinSupport = options.MinimumSupport,
                BackstageTop = 0,
            };
            var groups = RootCauseAnalysis.Prepare(log, rootCauseOptions, RootCauseExclusions.None);
            Parallel.For(0, explained, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                rootCauses[i] = RootCausesOf(log, version, supported[top[i].Index], top[i].Opportunity.Title, rootCauseOptions, groups, options, cancellationToken));
        }

        Phase("root causes of the top opportunities");
        var results = new AgendaResult[views.Length];
        for (var v = 0; v < views.Length; v++)
        {
            var shown = top.Take(views[v].Top).ToList();
            var (cases, total) = CountAffected(shown, supported, log.CaseCount, customers);
            var opportunities = new List<AgendaOpportunity>(shown.Count);
            foreach (var o in shown)
            {
                var i = opportunities.Count;
                opportunities.Add(i < Math.Min(views[v].RootCauses, explained) ? o.Opportunity with { RootCauses = rootCauses[i] } : o.Opportunity);
            }

            results[v] = new AgendaResult(
                journey.Id, log.TimeBasis, version, log.CaseCount, PeriodName(options.Period), periods,
                [.. options.AdjustFor], ValueUnit(journey), total, tests,
                journey.Value is null ? AgendaResult.StandardisedFormula : AgendaResult.RankingFormula,
                AgendaCapabilities.Link(opportunities, journey), [.. notes])
            {
                CasesAffectedTotal = cases,
                CustomerAttribute = journey.Customer?.Attribute,
            };
        }

        return results;
    }

    /// <summary>The factors that explain which cases are in <paramref name="candidate"/>'s case set, strongest first.</summary>
    private static IReadOnlyList<RootCauseFactor> RootCausesOf(
        EventLog log, long version, Candidate candidate, string title, RootCauseOptions rootCauseOptions, RootCauseGroups groups, AgendaOptions options,
        CancellationToken cancellationToken)
    {
        var outcome = new bool[log.CaseCount];
        foreach (var c in candidate.Cases)
        {
            outcome[c] = true;
        }

        var result = RootCauseAnalysis.Analyze(log, version, outcome, [title], rootCauseOptions, groups, cancellationToken);
        return [.. result.Factors.Where(f => f.Explains && f.RiskDifference > 0).Take(options.RootCauseFactors)];
    }

    /// <summary>The case sets of the listed opportunities by id, for the drill-down into their customers.</summary>
    public static IReadOnlyList<string> CaseIds(EventLog log, DesignedJourney journey, string opportunityId, AgendaOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        options ??= AgendaOptions.Default;
        var attributes = Attributes(log, options.AdjustFor);
        var kpis = Measures(log, journey, []);
        var (_, _, table) = Tables(log, attributes, kpis, options, cancellationToken);
        foreach (var candidate in Candidates(log, journey, attributes, kpis, table, options, [], cancellationToken))
        {
            if (string.Equals(candidate.Id, opportunityId, StringComparison.Ordinal))
            {
                return [.. candidate.Cases.Select(c => log.CaseIds[c])];
            }
        }

        return [];
    }

    /// <summary>The strata of each stratification, the case keys and the one-pass table (null when the strata have too many cells).</summary>
    private static (Dictionary<string, (int[] Stratum, int Count)> Strata, ulong[] Keys, EffectTable? Table) Tables(
        EventLog log, (string Name, string?[] Values)[] attributes, List<KpiCaseValues> kpis, AgendaOptions options, CancellationToken cancellationToken)
    {
        var strata = new Dictionary<string, (int[] Stratum, int Count)>(StringComparer.Ordinal) { [string.Empty] = Strata(attributes, log.CaseCount) };
        foreach (var (name, _) in attributes)
        {
            strata[name] = Strata([.. attributes.Where(a => a.Name != name)], log.CaseCount);
        }

        var keys = Statistics.PoissonWeights.CaseKeys(log.CaseIds);
        return (strata, keys, EffectTable.Create(kpis, strata, keys, options.Bootstrap, cancellationToken));
    }

    /// <summary>Every gap of every kind, each restricted to the segment it concentrates in.</summary>
    private static List<Candidate> Candidates(
        EventLog log, DesignedJourney journey, (string Name, string?[] Values)[] attributes, List<KpiCaseValues> kpis, EffectTable? table,
        AgendaOptions options, List<string> notes, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        MappedLog? mapped = null;
        if (journey.Flow is not null && journey.Touchpoints.Count > 0 && log.CaseCount > 0)
        {
            // JourneyConformance.Check's mapping and alignments, without its deviation report (the agenda counts its own).
            mapped = TouchpointMapping.Map(log, journey);
            var alignments = Alignments.Compute(mapped.Log, ProcessTreeConversion.ToPetriNet(journey.Flow, journey.Id), AlignmentOptions.Default, cancellationToken);
            var stages = StageCases(mapped);
            Deviations(mapped, alignments, stages, candidates, cancellationToken);
            TimeTargets(mapped, candidates, cancellationToken);
            DropOffs(mapped, stages, candidates);
            ChannelSwitches(mapped, stages, candidates);
            DetractorMoments(mapped, kpis, candidates);
        }
        else
        {
            notes.Add("The journey has no flow: deviations, time targets, drop-offs, channel switches and detractor moments are not opportunities.");
        }

        Bottlenecks(log, journey, mapped, options.Bottlenecks, candidates, notes, cancellationToken);
        var codes = new AttributeCodes[attributes.Length];
        for (var a = 0; a < codes.Length; a++)
        {
            codes[a] = AttributeCodes.Of(attributes[a].Values);
        }

        foreach (var candidate in candidates)
        {
            Concentrate(candidate, attributes, codes, log.CaseCount);
        }

        // After the concentration, so that a breach is credited to a gap's final case set (in its segment), never to cases it
        // no longer holds.
        ExplainBreaches(journey, candidates, options.MinimumSupport, log.CaseCount);

        if (attributes.Length > 0)
        {
            // Journey-wide symptoms (attrition, channel hopping, unhappy moments that hit every segment alike) are the KPIs'
            // own figures; with --by they are opportunities only in the segment that concentrates them.
            var symptoms = candidates.RemoveAll(c => c.Segment is null && c.Kind is "drop-off" or "channel-switch" or "detractor-moment");
            if (symptoms > 0)
            {
                notes.Add($"{symptoms} drop-off(s), channel switch(es) or detractor moment(s) not concentrated in a --by segment are journey-wide figures, not opportunities.");
            }
        }

        if (table is null && attributes.Length > 0)
        {
            notes.Add("The --by attributes have too many combinations for the one-pass table: KPIs off target in a segment are not looked for.");
        }

        OffTargets(kpis, attributes, codes, journey, table, options.Bootstrap, options.MinimumSupport, candidates);
        return candidates;
    }

    /// <summary>
    /// Keeps one candidate per case set: a later candidate in the same segment whose customers overlap a kept one's by at least
    /// <see cref="SameCustomers"/> (Jaccard: shared customers over customers of either) describes the same customers (a skipped
    /// step and the drop-off it causes, a step and its time target); it is named in the kept one's title instead of tested again.
    /// </summary>
    private static List<Candidate> Fold(IEnumerable<Candidate> candidates)
    {
        var kept = new List<Candidate>();
        foreach (var candidate in candidates)
        {
            var first = kept.FirstOrDefault(k => k.Segment == candidate.Segment && Jaccard(k.Cases, candidate.Cases) >= SameCustomers);
            if (first is not null)
            {
                // The same customers: the breaches credited to the folded gap are the kept one's.
                first.AlsoAt.Add($"{candidate.Kind} {candidate.Touchpoint ?? candidate.Subject}");
                first.ExplainsBreaches.AddRange(candidate.ExplainsBreaches);
                first.ExplainsBreachesTitle.AddRange(candidate.ExplainsBreachesTitle);
                continue;
            }

            kept.Add(candidate);
        }

        foreach (var candidate in kept.Where(c => c.AlsoAt.Count > 0))
        {
            candidate.Title += $" (the same customers: also {string.Join(", ", candidate.AlsoAt)})";
        }

        foreach (var candidate in kept.Where(c => c.ExplainsBreachesTitle.Count > 0))
        {
            candidate.Title += $" (explains {string.Join(", ", candidate.ExplainsBreachesTitle)})";
        }

        foreach (var candidate in kept.Where(c => c.Explains.Count > 0))
        {
            candidate.Title += $" (explains {string.Join(", ", candidate.Explains)} off target in the segment)";
        }

        return kept;
    }

    /// <summary>Shared over either of two sorted case sets; 0 at once when their sizes alone rule out <see cref="SameCustomers"/>.</summary>
    private static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0 || Math.Min(a.Length, b.Length) < SameCustomers * Math.Max(a.Length, b.Length))
        {
            return 0;
        }

        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                (shared, i, j) = (shared + 1, i + 1, j + 1);
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

        return shared / (double)(a.Length + b.Length - shared);
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
    private static void Concentrate(Candidate candidate, (string Name, string?[] Values)[] attributes, AttributeCodes[] codes, int caseCount)
    {
        double bestRatio = 0;
        var segmentCode = -1;
        for (var a = 0; a < attributes.Length; a++)
        {
            var attribute = codes[a];
            var inside = new int[attribute.Names.Length];
            foreach (var c in candidate.Cases)
            {
                var code = attribute.Codes[c];
                if (code >= 0)
                {
                    inside[code]++;
                }
            }

            // Codes are in ordinal order of the values.
            for (var code = 0; code < inside.Length; code++)
            {
                var count = inside[code];
                if (count == 0 || 3 * count < 2 * candidate.Cases.Length)
                {
                    continue;
                }

                var all = attribute.Cases[code].Length;
                double rateIn = count / (double)all;
                var outside = caseCount - all;
                double rateOut = outside == 0 ? 1 : (candidate.Cases.Length - count) / (double)outside;
                var ratio = rateOut == 0 ? double.MaxValue : rateIn / rateOut;
                if (ratio >= 2 && ratio > bestRatio)
                {
                    bestRatio = ratio;
                    candidate.Segment = new AgendaSegment(attributes[a].Name, attribute.Names[code]);
                    segmentCode = code;
                }
            }
        }

        if (candidate.Segment is { } segment)
        {
            var values = codes[Array.FindIndex(attributes, a => a.Name == segment.Attribute)].Codes;
            var kept = new List<int>(candidate.Cases.Length);
            foreach (var c in candidate.Cases)
            {
                if (values[c] == segmentCode)
                {
                    kept.Add(c);
                }
            }

            candidate.Cases = [.. kept];
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
