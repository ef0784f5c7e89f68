using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using YamlDotNet.RepresentationModel;

namespace Journeyscope.IO.Journeys;

/// <summary>
/// The diagnostics of rules JS001 to JS020, one factory per message, so every message is written once. The exact texts
/// are documented in docs/journeys.md and checked by tests.
/// </summary>
internal static class JourneyRules
{
    private const string LaneList = "customer-action, frontstage, backstage, support, physical-evidence";

    public static JourneyDiagnostic NotYaml(SourceLocation at, string reason) =>
        Error("JS001", at, $"the file is not valid YAML: {reason}", "indent with spaces, not tabs, and quote values that contain ': ' or start with a special character such as >, *, & or #");

    public static JourneyDiagnostic Refused(SourceLocation at, string reason) =>
        Error(
            "JS001",
            at,
            reason,
            $"a journey file may nest at most {BoundedYamlParser.MaxDepth} levels and hold at most {BoundedYamlParser.MaxNodes} values with aliases expanded; flatten the flow (a sequence takes any number of steps at one level)");

    public static JourneyDiagnostic EmptyFile(SourceLocation at) =>
        Error("JS001", at, "the file is empty", "start with 'journey: <id>', 'name: <name>' and 'touchpoints:' ('journeyscope journey init' writes a template)");

    public static JourneyDiagnostic SeveralDocuments(SourceLocation at, int count) =>
        Error("JS001", at, $"the file holds {count} YAML documents", "write one journey per file, without '---' separators between journeys");

    public static JourneyDiagnostic MissingKey(SourceLocation at, string key, string context) =>
        Error("JS002", at, $"{Capitalised(context)} has no '{key}'", $"add the required key '{key}'");

    public static JourneyDiagnostic NoActivity(SourceLocation at, string context) =>
        Error("JS002", at, $"{Capitalised(context)} has neither 'activity' nor 'activity_regex'", "add 'activity: <name>' (one name or a list) or 'activity_regex: <pattern>'");

    public static JourneyDiagnostic UnknownKey(SourceLocation at, string key, string context, string what, IReadOnlyList<string> known)
    {
        var closest = NameSuggestions.Closest(key, known);
        var hint = closest is null ? $"known keys: {string.Join(", ", known)}" : $"did you mean '{closest}'?";
        return Error("JS003", at, $"unknown {what} '{key}' in {context}", hint);
    }

    public static JourneyDiagnostic WrongType(SourceLocation at, string subject, string expected, YamlNode found) =>
        Error("JS004", at, $"{subject} must be {expected}, found {Found(found)}", null);

    public static JourneyDiagnostic BadJourneyId(SourceLocation at, string id) =>
        Error("JS004", at, $"'{id}' is not a valid journey id", "use letters, digits, '-' and '_' only");

    public static JourneyDiagnostic NoTouchpoints(SourceLocation at) =>
        Error("JS004", at, "'touchpoints' of the journey is empty", "define at least one touchpoint");

    public static JourneyDiagnostic BadLane(SourceLocation at, string lane)
    {
        var closest = NameSuggestions.Closest(lane, JourneyKeys.Lanes);
        var hint = closest is null ? $"use one of {LaneList}" : $"did you mean '{closest}'? Lanes: {LaneList}";
        return Error("JS004", at, $"'{lane}' is not a lane", hint);
    }

    public static JourneyDiagnostic BadDuration(SourceLocation at, string text) =>
        Error("JS004", at, $"'{text}' is not a duration", "write a duration such as 30m, 4h, 3d, 1d12h or 2w");

    public static JourneyDiagnostic BadBoolean(SourceLocation at, string text) =>
        Error("JS004", at, $"'{text}' is not true or false", "write true or false");

    public static JourneyDiagnostic BadFlowNode(SourceLocation at, string found) =>
        Error("JS004", at, $"a flow node must be a touchpoint id, 'skip' or one operator (sequence, choice, parallel, optional, loop, repeat), found {found}", null);

    public static JourneyDiagnostic BadLoop(SourceLocation at, int count) =>
        Error("JS004", at, $"'loop' in the flow needs exactly two flow nodes (do, redo), found {count}", "write 'loop: [do, redo]', or 'repeat: <node>' for one or more times");

    public static JourneyDiagnostic BadRegex(SourceLocation at, string pattern, string reason) =>
        Error("JS004", at, $"'{pattern}' is not a valid regular expression: {reason}", "activity_regex is a .NET regular expression matched against the whole activity name, without backtracking: no backreferences, lookarounds, atomic groups or conditionals");

    public static JourneyDiagnostic RegexTimeout(SourceLocation at, string pattern) =>
        Error("JS004", at, $"'{pattern}' took longer than {ActivityPattern.MatchTimeout.TotalSeconds:0} s to match an activity name", "simplify the pattern, or list the activities with 'activity:'");

    public static JourneyDiagnostic BadCondition(SourceLocation at, string condition, string reason) =>
        Error("JS004", at, $"'{condition}' is not a valid condition: {reason}", "write event.<attribute> or case.<attribute> with ==, !=, in (...) or not in (...), for example event.channel == app");

    public static JourneyDiagnostic BadSegment(SourceLocation at, string segment, string reason) =>
        Error("JS004", at, $"'{segment}' is not a valid segment filter: {reason}", "write a filter as in docs/filters.md, for example case.segment == B2B");

    public static JourneyDiagnostic BadCustomer(SourceLocation at, string text) =>
        Error("JS004", at, $"'customer' is '{text}', not a case attribute name", "name the case attribute that identifies the customer, for example customer: customer_unique_id");

    public static JourneyDiagnostic UnknownCustomer(SourceLocation at, string attribute, string? suggestion) =>
        Error(
            "JS022",
            at,
            $"the customer attribute '{attribute}' is not a case attribute of the log",
            suggestion is null
                ? "name a case attribute of the log ('journeyscope info' lists them), or remove 'customer:' to count each case as a customer"
                : $"did you mean '{suggestion}'?");

    public static JourneyDiagnostic BadTarget(SourceLocation at, string target) =>
        Error("JS004", at, $"'{target}' is not a target", "write a comparison such as >= 40, <= 3d or <= 5%");

    public static JourneyDiagnostic DuplicateId(SourceLocation at, string kind, string id, string otherKind, SourceLocation other)
    {
        var where = other.Line > 0 ? $"the {otherKind} at line {other.Line}" : $"another {otherKind}";
        return Error("JS005", at, $"{kind} id '{id}' is already used by {where}", "give each one a unique id; touchpoints and stages share one namespace");
    }

    public static JourneyDiagnostic UnknownFlowTouchpoint(SourceLocation at, string id, IEnumerable<string> touchpoints)
    {
        var closest = NameSuggestions.Closest(id, touchpoints);
        var hint = closest is null ? "define a touchpoint with this id, or write 'skip' for a silent step" : $"did you mean '{closest}'?";
        return Error("JS006", at, $"the flow names unknown touchpoint '{id}'", hint);
    }

    public static JourneyDiagnostic FlowTooLarge(SourceLocation at, double states, int limit) =>
        Error("JS023", at, $"the flow has about {JourneyValidator.StatesText(states)} states, more than the {JourneyValidator.StatesText(limit)} conformance can align against",
            "split a large 'parallel:' block into smaller ones in sequence (n touchpoints in parallel have 2^n states), or let steps whose order does not matter repeat: 'repeat:' of a 'choice:'");

    public static JourneyDiagnostic UnknownStage(SourceLocation at, string touchpoint, string stage, IEnumerable<string> stages)
    {
        var closest = NameSuggestions.Closest(stage, stages);
        var hint = closest is null ? $"use one of the stages: {string.Join(", ", stages)}" : $"did you mean '{closest}'?";
        return Error("JS007", at, $"touchpoint '{touchpoint}' names unknown stage '{stage}'", hint);
    }

    public static JourneyDiagnostic UnknownReference(SourceLocation at, string context, string kind, string id, IEnumerable<string> candidates)
    {
        var closest = NameSuggestions.Closest(id, candidates);
        var hint = closest is null ? $"define a {kind} with this id, or remove the reference" : $"did you mean '{closest}'?";
        return Error("JS008", at, $"{context} names unknown {kind} '{id}'", hint);
    }

    public static JourneyDiagnostic BadNumber(SourceLocation at, string key, string text, string expected) =>
        Error("JS015", at, $"'{key}' is '{text}', not {expected}", $"write {expected}, for example 'effort: 3' or 'share: 0.5'");

    public static JourneyDiagnostic UnknownOpportunityKind(SourceLocation at, string context, string kind, IEnumerable<string> kinds)
    {
        var closest = NameSuggestions.Closest(kind, kinds);
        var hint = closest is null ? $"use one of: {string.Join(", ", kinds)}" : $"did you mean '{closest}'?";
        return Error("JS016", at, $"{context} names unknown opportunity kind '{kind}'", hint);
    }

    public static JourneyDiagnostic UnknownCapabilityKind(SourceLocation at, string kind)
    {
        var closest = NameSuggestions.Closest(kind, CapabilityLevels.KindNames);
        var kinds = string.Join(", ", CapabilityLevels.KindNames);
        var hint = closest is null ? $"use one of: {kinds}" : $"did you mean '{closest}'? Kinds: {kinds}";
        return Error("JS017", at, $"'kind' is '{kind}', not a capability kind", hint);
    }

    public static JourneyDiagnostic BadReadiness(SourceLocation at, string text) =>
        Error(
            "JS018",
            at,
            $"'readiness' is '{text}', not a readiness level",
            $"write a level from {CapabilityLevels.Min} to {CapabilityLevels.Max} or its name: {string.Join(", ", CapabilityLevels.Names.Select((n, i) => $"{i + 1} {n}"))}");

    public static JourneyDiagnostic DuplicateCapability(SourceLocation at, string touchpoint, string kind, string name, SourceLocation other) =>
        Error(
            "JS019",
            at,
            $"touchpoint '{touchpoint}' lists the {kind} capability '{name}' twice" + (other.Line > 0 ? $" (first at line {other.Line})" : string.Empty),
            "keep one entry per capability; give a different name to a different capability");

    public static JourneyDiagnostic DuplicateCanvasNote(SourceLocation at, string stage, string field, string note) =>
        Warning("JS020", at, $"the canvas of stage '{stage}' lists '{note}' twice under '{field}'", "remove the repeated note");

    public static JourneyDiagnostic BadRule(SourceLocation at, string rule, string reason, string hint) =>
        Error("JS021", at, $"rule '{rule}' {reason}", hint);

    public static JourneyDiagnostic EmptyStage(SourceLocation at, string stage) =>
        Warning("JS009", at, $"stage '{stage}' has no touchpoint", $"add a touchpoint with 'stage: {stage}', or remove the stage");

    public static JourneyDiagnostic NotInFlow(SourceLocation at, string touchpoint) =>
        Warning("JS010", at, $"touchpoint '{touchpoint}' is not in the flow", "add it to the flow (wrap it in 'optional:' if customers may skip it), or remove it");

    public static JourneyDiagnostic MatchesNothing(SourceLocation at, string touchpoint, string? suggestion) =>
        Warning(
            "JS011",
            at,
            $"touchpoint '{touchpoint}' matches no event in the log",
            suggestion is null
                ? "check the activity names and 'where' conditions against the log ('journeyscope info' lists the activities)"
                : $"did you mean the activity '{suggestion}'?");

    public static JourneyDiagnostic KpiNamesNothing(SourceLocation at, string kpi, string parameter, string name, string? suggestion) =>
        Warning(
            "JS013",
            at,
            $"KPI '{kpi}': {parameter} '{name}' is not a touchpoint or stage of the journey nor an activity of the log",
            suggestion is null
                ? "name a touchpoint id, a stage id or an activity ('journeyscope info' lists the activities)"
                : $"did you mean '{suggestion}'?");

    public static JourneyDiagnostic KpiCycle(SourceLocation at, IReadOnlyList<string> cycle) =>
        Error("JS012", at, $"the KPI tree has a cycle: {string.Join(" -> ", cycle)}", "a KPI cannot drive itself, directly or through other KPIs; remove one of these drivers");

    public static JourneyDiagnostic BadExpression(SourceLocation at, string kpi, string reason, string? suggestion) =>
        Error(
            "JS014",
            at,
            $"KPI '{kpi}': the expression is not valid: {reason}",
            suggestion is null
                ? "write an expression as in docs/kpis.md, for example count(cases where touchpoint(<id>)) / count(cases)"
                : $"did you mean '{suggestion}'?");

    private static JourneyDiagnostic Error(string code, SourceLocation at, string message, string? hint) =>
        new(code, JourneyDiagnosticSeverity.Error, at, message, hint);

    private static JourneyDiagnostic Warning(string code, SourceLocation at, string message, string? hint) =>
        new(code, JourneyDiagnosticSeverity.Warning, at, message, hint);

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    private static string Found(YamlNode node) => node switch
    {
        YamlSequenceNode { Children.Count: 0 } => "an empty list",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode { Value: { } value } => $"the text '{value}'",
        _ => "nothing",
    };
}
