using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Kpis;

/// <summary>
/// <c>touchpoint(id)</c> and <c>stage(id)</c>: the event belongs to the touchpoint (by its mapping rule) or to a touchpoint of
/// the stage; a case satisfies it when any of its events does. Unlike <c>has(...)</c>, the name must be one of the journey.
/// </summary>
internal sealed class MemberNode(int position, bool stage, string name, int namePosition) : ConditionNode(position)
{
    public override BoundCondition Bind(ExpressionContext context, string expression)
    {
        if (Problem(context.Journey, stage ? KpiExpressionReferenceKind.Stage : KpiExpressionReferenceKind.Touchpoint, name, namePosition, expression) is { } problem)
        {
            throw problem;
        }

        return new Bound(context.Log, context.EventsOf(name));
    }

    /// <summary>Why <paramref name="name"/> is not a <paramref name="kind"/> of <paramref name="journey"/>, or <c>null</c> when it is (or may be).</summary>
    public static KpiExpressionException? Problem(DesignedJourney? journey, KpiExpressionReferenceKind kind, string name, int position, string expression)
    {
        switch (kind)
        {
            case KpiExpressionReferenceKind.Touchpoint:
                return journey?.FindTouchpoint(name) is not null
                    ? null
                    : new KpiExpressionException(
                        expression,
                        position,
                        journey is null ? $"touchpoint({name}) needs a journey" : $"the journey has no touchpoint '{name}'",
                        journey is null ? null : NameSuggestions.Closest(name, journey.Touchpoints.Select(t => t.Id)));
            case KpiExpressionReferenceKind.Stage:
                return journey?.FindStage(name) is not null
                    ? null
                    : new KpiExpressionException(
                        expression,
                        position,
                        journey is null ? $"stage({name}) needs a journey" : $"the journey has no stage '{name}'",
                        journey is null ? null : NameSuggestions.Closest(name, journey.Stages.Select(s => s.Id)));
            case KpiExpressionReferenceKind.TimeTarget:
                return journey is null || journey.TimeTargets.Any(t => string.Equals(t.Id, name, StringComparison.Ordinal))
                    ? null
                    : new KpiExpressionException(
                        expression,
                        position,
                        $"the journey has no time target '{name}'",
                        NameSuggestions.Closest(name, journey.TimeTargets.Select(t => t.Id)));
            default:
                return null;
        }
    }

    private sealed class Bound(EventLog log, bool[] mask) : BoundCondition
    {
        public override bool TestEvent(int caseIndex, int eventIndex) => mask[eventIndex];

        public override bool TestCase(int caseIndex)
        {
            int start = log.CaseStart(caseIndex), end = log.CaseStart(caseIndex + 1);
            return Array.IndexOf(mask, true, start, end - start) >= 0;
        }
    }
}
