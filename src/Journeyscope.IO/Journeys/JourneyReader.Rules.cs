using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Monitoring;

namespace Journeyscope.IO.Journeys;

/// <summary>The <c>rules:</c> section: rules over live journey state (docs/monitoring.md, "Rules").</summary>
internal sealed partial class JourneyReader
{
    private JourneyRule ReadMonitorRule(YamlDotNet.RepresentationModel.YamlMappingNode node, string context)
    {
        var keys = Keys(node, JourneyKeys.Rule, JourneyKeys.RuleRequired, context, "key");
        var id = RequiredText(keys, "id", context);
        var at = At(node.Start);

        TimeSpan? within = null;
        if (OptionalText(keys, "within", context) is { } withinText)
        {
            if (!DurationText.TryParse(withinText, out var parsed))
            {
                Add(JourneyRules.BadDuration(At(keys["within"].Start), withinText));
            }
            else if (parsed <= TimeSpan.Zero)
            {
                Add(JourneyRules.BadRule(At(keys["within"].Start), id, $"has 'within: {withinText}', a window that can never pass", "write a positive duration such as 2h or 30d"));
            }
            else
            {
                within = parsed;
            }
        }

        var before = TimeSpan.Zero;
        if (OptionalText(keys, "before", context) is { } beforeText && !DurationText.TryParse(beforeText, out before))
        {
            Add(JourneyRules.BadDuration(At(keys["before"].Start), beforeText));
        }

        var count = 1;
        if (OptionalText(keys, "count", context) is { } countText &&
            (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > 1000))
        {
            Add(JourneyRules.BadNumber(At(keys["count"].Start), "count", countText, "a whole number from 1 to 1000"));
            count = 1;
        }

        var where = OptionalText(keys, "where", context);
        if (where is not null && RuleCondition.Parse(where, out var problem) is null)
        {
            Add(JourneyRules.BadRule(At(keys["where"].Start), id, $"has an invalid 'where': {problem}", "for example: where: score <= 6"));
        }

        var dateAttribute = OptionalText(keys, "at", context);
        var unless = TextList(keys, "unless", context);
        var on = TextList(keys, "on", context);
        if (count > 1 && within is null)
        {
            Add(JourneyRules.BadRule(at, id, $"counts {count} signals but has no 'within'", "add the window the signals must fall in, for example within: 30d"));
        }

        if (count > 1 && (unless.Count > 0 || dateAttribute is not null))
        {
            Add(JourneyRules.BadRule(at, id, "counts signals and also waits for a deadline ('unless' or 'at')", "use either count + within (signals) or within/at + unless (a deadline)"));
        }

        if (unless.Count > 0 && within is null && dateAttribute is null)
        {
            Add(JourneyRules.BadRule(at, id, "has 'unless' but no deadline, so nothing could ever resolve it in time", "add 'within: <duration>' or 'at: <date attribute>' with 'before: <duration>'"));
        }

        if (dateAttribute is not null && within is not null)
        {
            Add(JourneyRules.BadRule(at, id, "has both 'within' and 'at'", "use 'within' for a window after the event, or 'at' + 'before' for a date in the event's attribute"));
        }

        foreach (var target in on)
        {
            if (unless.Contains(target, StringComparer.Ordinal))
            {
                Add(JourneyRules.BadRule(at, id, $"names '{target}' in both 'on' and 'unless', so it resolves itself at once", "remove it from one of them"));
            }
        }

        return new JourneyRule(id, OptionalText(keys, "name", context) ?? id, on, where, unless, within, dateAttribute, before, count)
        {
            Location = at,
        };
    }
}
