using System.Globalization;
using System.Text.RegularExpressions;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Journeys;

namespace Journeyscope.IO.Journeys;

/// <summary>
/// Checks a designed journey against the rules of docs/journeys.md (JS004 to JS020) and reports every problem at once,
/// each with its source location and a fix hint.
/// </summary>
/// <remarks>
/// JS011 (a touchpoint's rule matches no event) needs a log and is only checked when one is given. Unused stages
/// (JS009) are reported only when the journey's stages differ from the eight default stages. Thread-safe.
/// </remarks>
public static partial class JourneyValidator
{
    /// <summary>Validates a journey; with a <paramref name="log"/>, also checks that every touchpoint matches some event.</summary>
    /// <returns>The problems, errors and warnings, grouped by rule in file order.</returns>
    public static IReadOnlyList<JourneyDiagnostic> Validate(DesignedJourney journey, EventLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var diagnostics = new List<JourneyDiagnostic>();
        CheckValues(journey, diagnostics);
        CheckIds(journey, diagnostics);
        CheckReferences(journey, diagnostics);
        CheckKpiCycles(journey, diagnostics);
        CheckKpiExpressions(journey, diagnostics);
        CheckCanvas(journey, diagnostics);
        if (log is not null)
        {
            CheckMatches(journey, log, diagnostics);
            CheckKpiEvents(journey, log, diagnostics);
            CheckCustomer(journey, log, diagnostics);
        }

        diagnostics.Sort(static (a, b) =>
        {
            var byLine = a.Location.Line.CompareTo(b.Location.Line);
            return byLine != 0 ? byLine : a.Location.Column.CompareTo(b.Location.Column);
        });
        return diagnostics;
    }

    /// <summary>
    /// The read problems of <paramref name="read"/> followed by the validation problems of its journey (when it has one):
    /// every problem of a journey file at once.
    /// </summary>
    public static IReadOnlyList<JourneyDiagnostic> Validate(JourneyReadResult read, EventLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        var all = new List<JourneyDiagnostic>(read.Diagnostics);
        if (read.Journey is { } journey)
        {
            all.AddRange(Validate(journey, log));
        }

        all.Sort(static (a, b) =>
        {
            var byLine = a.Location.Line.CompareTo(b.Location.Line);
            return byLine != 0 ? byLine : a.Location.Column.CompareTo(b.Location.Column);
        });
        return all;
    }

    private static void CheckValues(DesignedJourney journey, List<JourneyDiagnostic> diagnostics)
    {
        foreach (var persona in journey.Personas)
        {
            if (persona.Segment is { } segment)
            {
                try
                {
                    FilterParser.Parse(segment);
                }
                catch (FilterParseException e)
                {
                    diagnostics.Add(JourneyRules.BadSegment(persona.Location, segment, Reason(e)));
                }
            }
        }

        foreach (var touchpoint in journey.Touchpoints)
        {
            var rule = touchpoint.Rule;
            if (rule.ActivityPattern is { } pattern)
            {
                if (ActivityPattern.Problem(pattern) is { } problem)
                {
                    diagnostics.Add(JourneyRules.BadRegex(rule.Location, pattern, problem));
                }
            }

            foreach (var condition in rule.Conditions)
            {
                try
                {
                    if (FilterParser.Parse(condition) is not (EventAttributeFilter or CaseAttributeFilter))
                    {
                        diagnostics.Add(JourneyRules.BadCondition(rule.Location, condition, "it is not an event.<attribute> or case.<attribute> condition"));
                    }
                }
                catch (FilterParseException e)
                {
                    diagnostics.Add(JourneyRules.BadCondition(rule.Location, condition, Reason(e)));
                }
            }
        }

        foreach (var kpi in journey.Kpis)
        {
            if (kpi.Target is { } target && !IsTarget(target))
            {
                diagnostics.Add(JourneyRules.BadTarget(kpi.Location, target));
            }
        }
    }

    /// <summary>A target is a comparison with a number (optionally a percentage) or a duration: <c>&gt;= 40</c>, <c>&lt;= 5%</c>, <c>&lt;= 3d</c>.</summary>
    internal static bool IsTarget(string target)
    {
        var match = TargetPattern().Match(target);
        if (!match.Success)
        {
            return false;
        }

        var value = match.Groups["value"].Value;
        return (double.TryParse(value.TrimEnd('%'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) &&
                double.IsFinite(number)) ||
               DurationText.TryParse(value, out _);
    }

    private static string Reason(FilterParseException e) => $"expected {e.Expected}, found {e.Found} at position {e.Position + 1}";

    [GeneratedRegex(@"^\s*(<=|>=|==|<|>)\s*(?<value>\S+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetPattern();
}
