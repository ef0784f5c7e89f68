using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Journeys;

namespace Journeyscope.Kpis;

/// <summary>Computes KPIs from an event log: each value with its target status and sample size, per period and segment, and the KPI tree.</summary>
/// <remarks>
/// Every KPI is checked before anything is computed; all configuration errors are reported together in one
/// <see cref="KpiException"/>. Then the filters are applied, each KPI is measured (one pass over the events per KPI),
/// grouped by period and segment, and the tree's links are measured (<see cref="KpiTree"/>). Thread-safe: no shared state.
/// </remarks>
public static class KpiEngine
{
    /// <summary>Computes the KPIs of <paramref name="journey"/>.</summary>
    /// <exception cref="KpiException">A KPI is misconfigured; the message lists every problem.</exception>
    public static KpiReport Compute(EventLog log, DesignedJourney journey, KpiOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        return Compute(log, journey.Kpis, journey, options, cancellationToken);
    }

    /// <summary>Computes <paramref name="kpis"/>; touchpoint and stage names resolve against <paramref name="journey"/> when given.</summary>
    /// <exception cref="KpiException">A KPI is misconfigured; the message lists every problem.</exception>
    public static KpiReport Compute(
        EventLog log,
        IEnumerable<JourneyKpi> kpis,
        DesignedJourney? journey = null,
        KpiOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(kpis);
        options ??= KpiOptions.Default;
        var definitions = Validate(kpis.ToList(), journey);
        var filtered = options.Filters.Count == 0 ? log : FilterPipeline.Apply(log, options.Filters, cancellationToken);
        var asOf = AsOf(filtered, options);
        var segments = options.SegmentBy is null ? null : KpiSegments.Create(filtered, options.SegmentBy);
        var measures = new List<KpiMeasure>(definitions.Count);
        var results = new List<KpiResult>(definitions.Count);
        foreach (var definition in definitions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var measure = KpiMeasure.Create(filtered, journey, definition, options, asOf);
            measures.Add(measure);
            results.Add(measure.Summarise(options.Period, segments));
        }

        var tree = options.Associations ? KpiTree.Measure(filtered.CaseIds, measures, options, cancellationToken) : [];
        return new KpiReport(results, tree, filtered.CaseCount);
    }

    /// <summary>Checks every KPI (kind, parameters, target, expression, drivers) and returns the definitions, or throws with all problems.</summary>
    /// <exception cref="KpiException">At least one KPI is misconfigured.</exception>
    public static void Check(IEnumerable<JourneyKpi> kpis, DesignedJourney? journey = null) => Validate(kpis.ToList(), journey);

    internal static List<KpiDefinition> Validate(List<JourneyKpi> kpis, DesignedJourney? journey)
    {
        var problems = new List<string>();
        var definitions = new List<KpiDefinition>(kpis.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kpi in kpis)
        {
            ids.Add(kpi.Id);
        }

        foreach (var kpi in kpis)
        {
            var before = problems.Count;
            var kind = string.Equals(kpi.Kind, KpiCatalogue.Custom, StringComparison.Ordinal) ? null : KpiCatalogue.Find(kpi.Kind);
            if (kind is null && !string.Equals(kpi.Kind, KpiCatalogue.Custom, StringComparison.Ordinal))
            {
                problems.Add(new KpiException(kpi, null, $"unknown kind '{kpi.Kind}'; use custom or one of: " +
                    string.Join(", ", KpiCatalogue.Kinds.Select(k => k.Id))).Message);
                continue;
            }

            KpiExpression? expression = null;
            if (kind is null)
            {
                if (string.IsNullOrWhiteSpace(kpi.Expression))
                {
                    problems.Add(new KpiException(kpi, "expression", "a custom KPI needs an expression").Message);
                }
                else
                {
                    try
                    {
                        expression = KpiExpression.Parse(kpi.Expression);
                        foreach (var problem in journey is null ? [] : expression.Check(journey))
                        {
                            problems.Add(new KpiException(kpi, "expression", problem.Message).Message);
                        }
                    }
                    catch (KpiExpressionException e)
                    {
                        problems.Add(new KpiException(kpi, "expression", e.Message).Message);
                    }
                }
            }
            else
            {
                CheckParameters(kpi, kind, journey, problems);
            }

            KpiTarget? target = null;
            if (kpi.Target is not null)
            {
                if (KpiTarget.TryParse(kpi.Target, out var parsed, out var error))
                {
                    target = parsed;
                    var unit = kind?.Unit ?? KpiUnit.Number;
                    if (parsed.WrittenUnit == KpiUnit.Duration && unit != KpiUnit.Duration && kind is not null)
                    {
                        problems.Add(new KpiException(kpi, "target", $"the target '{kpi.Target}' is a duration but {kind.Id} is measured in {Describe(unit)}").Message);
                    }
                    else if (parsed.WrittenUnit == KpiUnit.Ratio && unit != KpiUnit.Ratio && kind is not null)
                    {
                        problems.Add(new KpiException(kpi, "target", $"the target '{kpi.Target}' is a percentage but {kind.Id} is measured in {Describe(unit)}").Message);
                    }
                }
                else
                {
                    problems.Add(new KpiException(kpi, "target", error).Message);
                }
            }

            foreach (var driver in kpi.Drivers)
            {
                if (!ids.Contains(driver))
                {
                    problems.Add(new KpiException(kpi, "drivers", $"the driver '{driver}' is not a KPI of the journey").Message);
                }
            }

            if (problems.Count == before)
            {
                definitions.Add(new KpiDefinition(kpi, kind, target, expression));
            }
        }

        if (problems.Count > 0)
        {
            throw new KpiException(string.Join(Environment.NewLine, problems));
        }

        return definitions;
    }

    private static void CheckParameters(JourneyKpi kpi, KpiKind kind, DesignedJourney? journey, List<string> problems)
    {
        foreach (var (key, value) in kpi.Parameters)
        {
            if (kind.FindParameter(key) is not { } parameter)
            {
                problems.Add(new KpiException(kpi, key, $"{kind.Id} has no parameter '{key}'; its parameters are: " +
                    string.Join(", ", kind.Parameters.Select(p => p.Name))).Message);
                continue;
            }

            var bad = parameter.Type switch
            {
                KpiParameterType.Duration when !DurationText.TryParse(value, out _) => $"'{value}' is not a duration (for example 30d, 4h, 1d12h)",
                KpiParameterType.Number when !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) =>
                    $"'{value}' is not a number",
                _ when string.IsNullOrWhiteSpace(value) => "the value is empty",
                _ => null,
            };
            if (bad is not null)
            {
                problems.Add(new KpiException(kpi, key, bad).Message);
            }
        }

        foreach (var parameter in kind.Parameters)
        {
            if (parameter.Required && !kpi.Parameters.ContainsKey(parameter.Name))
            {
                problems.Add(new KpiException(kpi, parameter.Name, $"missing; {kind.Id} needs it: {parameter.Description}").Message);
            }
        }

        if (kind.Check?.Invoke(kpi.Parameters) is { } reason)
        {
            problems.Add(new KpiException(kpi, null, reason).Message);
        }

        _ = journey;
    }

    private static string Describe(KpiUnit unit) => unit switch
    {
        KpiUnit.Count => "a count",
        KpiUnit.Ratio => "a share",
        KpiUnit.Duration => "time",
        KpiUnit.NetScore => "net score points (-100 to 100)",
        _ => "a number",
    };

    /// <summary>The as-of moment the options fix, in ticks of <paramref name="timeBasis"/>; null for the log's last event.</summary>
    internal static long? FixedAsOf(TimeBasis timeBasis, KpiOptions options) => options.AsOf is { } asOf
        ? (timeBasis == TimeBasis.WallClock ? asOf.DateTime.Ticks : asOf.UtcTicks)
        : null;

    internal static long AsOf(EventLog log, KpiOptions options)
    {
        if (FixedAsOf(log.TimeBasis, options) is { } asOf)
        {
            return asOf;
        }

        var latest = long.MinValue;
        foreach (var t in log.Timestamps)
        {
            latest = Math.Max(latest, t);
        }

        return latest;
    }
}

/// <summary>A checked KPI: its kind (null for custom), target and expression.</summary>
internal sealed record KpiDefinition(JourneyKpi Kpi, KpiKind? Kind, KpiTarget? Target, KpiExpression? Expression);
