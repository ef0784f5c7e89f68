namespace Journeyscope.Monitoring;

/// <summary>
/// A scheduled snapshot of one journey: at every occurrence of <paramref name="Cron"/> the KPIs, conformance rate and top
/// deviations of the cases that started since the previous occurrence are stored, and the alert rules evaluated.
/// </summary>
/// <param name="Id">The schedule's id (letters, digits, '-', '_').</param>
/// <param name="Journey">The journey id (its YAML in the workspace's journeys folder).</param>
/// <param name="Cron">A cron expression (five fields, or six with seconds), for example <c>0 6 * * *</c> (every day at 06:00).</param>
/// <param name="TimeZone">The IANA or Windows time zone the expression is read in (default UTC).</param>
/// <param name="Since">The first period starts at the first occurrence at or after this instant; earlier data is never snapshotted.</param>
/// <param name="SegmentBy">A case attribute to store every KPI and the conformance rate per value of, or null.</param>
/// <param name="Rules">The alert rules; empty means the defaults (<see cref="EffectiveRules"/>).</param>
/// <param name="Recipients">E-mail addresses the digest of each run goes to (the server's SMTP settings); empty for none.</param>
public sealed record MonitorSchedule(
    string Id,
    string Journey,
    string Cron,
    string TimeZone,
    DateTimeOffset Since,
    string? SegmentBy,
    IReadOnlyList<AlertRule> Rules,
    IReadOnlyList<string> Recipients)
{
    /// <summary>
    /// The rules applied: the given ones, or for every KPI an anomaly rule and a sustained-shift rule at 1 % each and, when it
    /// has a target, a threshold rule.
    /// </summary>
    public IReadOnlyList<AlertRule> EffectiveRules(Journeys.DesignedJourney journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        if (Rules.Count > 0)
        {
            return Rules;
        }

        var rules = new List<AlertRule>();
        foreach (var kpi in journey.Kpis)
        {
            if (kpi.Target is not null)
            {
                rules.Add(new AlertRule(kpi.Id, AlertKind.Threshold));
            }

            rules.Add(new AlertRule(kpi.Id, AlertKind.Anomaly));
            rules.Add(new AlertRule(kpi.Id, AlertKind.SustainedShift));
        }

        return rules;
    }

    /// <summary>The first problem with the fields that need no journey or cron parser (id, rules, recipients), or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 64 || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return $"the schedule id '{Id}' must be 1 to 64 letters, digits, '-' or '_'";
        }

        if (string.IsNullOrWhiteSpace(Journey))
        {
            return "a schedule needs a journey";
        }

        foreach (var rule in Rules)
        {
            if (rule.Kind != AlertKind.Threshold && rule.Options().Problem() is { } problem)
            {
                return $"the {(rule.Kind == AlertKind.Anomaly ? "anomaly" : "sustained-shift")} rule on '{rule.Kpi}': {problem}";
            }

            if (!Enum.IsDefined(rule.Kind))
            {
                return $"the rule on '{rule.Kpi}' has an unknown kind";
            }
        }

        foreach (var recipient in Recipients)
        {
            var at = recipient.IndexOf('@', StringComparison.Ordinal);
            if (at <= 0 || at == recipient.Length - 1 || recipient.Any(char.IsWhiteSpace))
            {
                return $"'{recipient}' is not an e-mail address";
            }
        }

        return null;
    }
}
