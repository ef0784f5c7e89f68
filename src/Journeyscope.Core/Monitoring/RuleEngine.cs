using System.Globalization;
using Journeyscope.Journeys;

namespace Journeyscope.Monitoring;

/// <summary>
/// Evaluates a journey's rules (and its time targets, as deadlines) over customers' events as they arrive, and over the
/// passing of time (<see cref="AdvanceTo"/>). The same engine runs live (the server's monitor) and over stored history
/// (<see cref="RuleDryRun"/>), so a dry run counts what the live rules would have done.
/// </summary>
/// <remarks>
/// Per rule and customer at most one occurrence is open; a new one starts with the next <c>on</c> event after the last
/// one fired or was resolved. Occurrences are numbered per rule and customer, so the same history always yields the
/// same (rule, customer, occurrence) keys: replaying it after a restart re-creates the keys already sent, which the
/// durable firing log and the webhook outbox ignore. Deterministic; not thread-safe (one engine per journey, used
/// under the owner's lock). Memory: per customer, up to 20 recent touchpoints and one small entry per rule;
/// <see cref="Forget"/> drops a customer (an owner evicts those that are <see cref="IsIdle"/> and inactive).
/// </remarks>
public sealed class RuleEngine
{
    private const int MaxRecent = 20;

    private readonly DesignedJourney _journey;
    private readonly Compiled[] _rules;
    private readonly Dictionary<string, string[]> _touchpointsOfActivity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Customer> _customers = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(string Customer, int Rule, int Occurrence), long> _deadlines = new();

    /// <summary>Compiles the rules and time targets of <paramref name="journey"/>.</summary>
    /// <exception cref="ArgumentException">A rule's <c>where</c> is not a condition.</exception>
    public RuleEngine(DesignedJourney journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        _journey = journey;
        var rules = new List<Compiled>();
        foreach (var rule in journey.Rules)
        {
            RuleCondition? where = null;
            if (rule.Where is { } text && (where = RuleCondition.Parse(text, out var problem)) is null)
            {
                throw new ArgumentException($"Rule '{rule.Id}': {problem}", nameof(journey));
            }

            rules.Add(new Compiled(rule with { On = Expand(journey, rule.On), Unless = Expand(journey, rule.Unless) }, "rule", where));
        }

        foreach (var target in journey.TimeTargets)
        {
            var rule = new JourneyRule(target.Id, target.Name, Expand(journey, [target.From]), null, Expand(journey, [target.To]), target.Within, null, TimeSpan.Zero);
            rules.Add(new Compiled(rule, "time-target", null));
        }

        _rules = [.. rules];
    }

    /// <summary>The journey's id.</summary>
    public string Journey => _journey.Id;

    /// <summary>Customers currently tracked.</summary>
    public int CustomerCount => _customers.Count;

    /// <summary>
    /// The longest time a rule looks back or waits from an event (<c>within</c> windows of deadlines, signals and time
    /// targets); zero when no rule has one. A customer inactive for longer, with nothing open, cannot fire from their past
    /// alone once it is <see cref="IsIdle"/>.
    /// </summary>
    public TimeSpan LongestWindow
    {
        get
        {
            var longest = TimeSpan.Zero;
            foreach (var compiled in _rules)
            {
                if (compiled.Rule.Within is { } within && within > longest)
                {
                    longest = within;
                }
            }

            return longest;
        }
    }

    /// <summary>Whether the journey has anything to evaluate (rules or time targets).</summary>
    public bool IsEmpty => _rules.Length == 0;

    /// <summary>
    /// Takes one event of <paramref name="customer"/>: fires the rules it completes (instant rules, signals) and opens or
    /// resolves occurrences. Call <see cref="AdvanceTo"/> with the event's time first, so deadlines before it fire first.
    /// </summary>
    /// <param name="customer">The customer (case id).</param>
    /// <param name="activity">The event's activity; mapped to touchpoints by the journey's <c>match</c> rules (activity names and patterns).</param>
    /// <param name="at">The event's time.</param>
    /// <param name="attribute">The event's attribute values by name (for <c>where</c> and <c>at</c>); null when it has none.</param>
    /// <param name="fired">Receives the firings.</param>
    public void Observe(string customer, string activity, DateTimeOffset at, Func<string, string?>? attribute, List<RuleFiring> fired)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(fired);
        var touchpoints = TouchpointsOf(activity);
        if (!_customers.TryGetValue(customer, out var state))
        {
            state = new Customer(_rules.Length);
            _customers[customer] = state;
        }

        state.LastEvent = at;
        foreach (var touchpoint in touchpoints)
        {
            if (state.Recent.Count == MaxRecent)
            {
                state.Recent.Dequeue();
            }

            state.Recent.Enqueue(touchpoint);
        }

        for (var r = 0; r < _rules.Length; r++)
        {
            var compiled = _rules[r];
            var rule = compiled.Rule;
            var slot = state.Rules[r];

            // An open occurrence is resolved by any of the rule's 'unless' touchpoints.
            if (slot.Open && Intersects(rule.Unless, touchpoints))
            {
                slot.Open = false;
            }

            if (!Intersects(rule.On, touchpoints) || (compiled.Where is { } where && !where.Matches(attribute?.Invoke(where.Attribute))))
            {
                continue;
            }

            if (rule.Count > 1)
            {
                var window = rule.Within ?? TimeSpan.MaxValue;
                slot.Signals.Enqueue(at.UtcTicks);
                while (slot.Signals.Count > 0 && window != TimeSpan.MaxValue && at.UtcTicks - slot.Signals.Peek() > window.Ticks)
                {
                    slot.Signals.Dequeue();
                }

                if (slot.Signals.Count >= rule.Count)
                {
                    var first = new DateTimeOffset(slot.Signals.Peek(), TimeSpan.Zero);
                    slot.Signals.Clear();
                    fired.Add(Fire(compiled, customer, state, ++slot.Occurrences, at, first,
                        string.Create(CultureInfo.InvariantCulture, $"{rule.Count} of {string.Join(", ", rule.On)} within {Describe(rule.Within)}")));
                }

                continue;
            }

            if (!rule.HasDeadline)
            {
                fired.Add(Fire(compiled, customer, state, ++slot.Occurrences, at, at,
                    compiled.Where is { } w ? $"{string.Join("/", touchpoints)} with {w.Attribute} = {attribute?.Invoke(w.Attribute)} ({w})" : $"reached {string.Join("/", touchpoints)}"));
                continue;
            }

            if (slot.Open)
            {
                continue;
            }

            DateTimeOffset deadline;
            if (rule.At is { } dateAttribute)
            {
                if (!DateTimeOffset.TryParse(attribute?.Invoke(dateAttribute), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    continue;
                }

                deadline = date - rule.Before;
            }
            else
            {
                deadline = at + rule.Within!.Value;
            }

            slot.Open = true;
            slot.TriggeredAt = at;
            slot.Deadline = deadline;
            slot.Pending = ++slot.Serial;
            _deadlines.Enqueue((customer, r, slot.Pending), deadline.UtcTicks);
        }
    }

    /// <summary>Fires every open occurrence whose deadline is at or before <paramref name="now"/>, in deadline order.</summary>
    public void AdvanceTo(DateTimeOffset now, List<RuleFiring> fired)
    {
        ArgumentNullException.ThrowIfNull(fired);
        while (_deadlines.TryPeek(out var entry, out var ticks) && ticks <= now.UtcTicks)
        {
            _deadlines.Dequeue();
            if (!_customers.TryGetValue(entry.Customer, out var state))
            {
                continue;
            }

            var slot = state.Rules[entry.Rule];
            // A deadline queued before the customer was forgotten and fed again may carry the same serial: only the slot's own fires.
            if (!slot.Open || slot.Pending != entry.Occurrence || slot.Deadline.UtcTicks != ticks)
            {
                continue;
            }

            slot.Open = false;
            var compiled = _rules[entry.Rule];
            var rule = compiled.Rule;
            var reason = rule.At is { } attribute
                ? $"{string.Join("/", rule.On)} at {slot.TriggeredAt:yyyy-MM-dd HH:mm} and no {string.Join("/", rule.Unless)} {Describe(rule.Before)} before its {attribute}"
                : $"{string.Join("/", rule.On)} at {slot.TriggeredAt:yyyy-MM-dd HH:mm} and no {string.Join("/", rule.Unless)} within {Describe(rule.Within)}";
            fired.Add(Fire(compiled, entry.Customer, state, ++slot.Occurrences, new DateTimeOffset(ticks, TimeSpan.Zero), slot.TriggeredAt, reason));
        }
    }

    /// <summary>
    /// Forgets one customer's state, open occurrences included (their deadlines no longer fire): for a live monitor whose
    /// customer was stitched into another id, or whose history changed underneath (merged events) and is fed again.
    /// </summary>
    public void Forget(string customer) => _customers.Remove(customer);

    /// <summary>
    /// Whether <paramref name="customer"/> has no open occurrence (unknown customers are idle): forgetting an idle customer
    /// loses no deadline. A live monitor evicts customers idle and inactive beyond <see cref="LongestWindow"/> and, when one
    /// returns, feeds their whole history again, which re-creates the same occurrence numbers.
    /// </summary>
    public bool IsIdle(string customer)
    {
        if (!_customers.TryGetValue(customer, out var state))
        {
            return true;
        }

        foreach (var slot in state.Rules)
        {
            if (slot.Open)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The customer's most recent touchpoints, oldest first (empty when unknown).</summary>
    public IReadOnlyList<string> RecentTouchpoints(string customer) =>
        _customers.TryGetValue(customer, out var state) ? [.. state.Recent] : [];

    private RuleFiring Fire(Compiled compiled, string customer, Customer state, int occurrence, DateTimeOffset at, DateTimeOffset triggeredAt, string reason) =>
        new(_journey.Id, compiled.Rule.Id, compiled.Rule.Name, compiled.Kind, customer, occurrence, at, triggeredAt, reason, [.. state.Recent]);

    private string[] TouchpointsOf(string activity)
    {
        if (_touchpointsOfActivity.TryGetValue(activity, out var cached))
        {
            return cached;
        }

        var matches = new List<string>();
        foreach (var touchpoint in _journey.Touchpoints)
        {
            if (TouchpointMapping.MatchingActivities(touchpoint.Rule, [activity])[0])
            {
                matches.Add(touchpoint.Id);
            }
        }

        var result = matches.ToArray();
        if (_touchpointsOfActivity.Count < 100_000)
        {
            _touchpointsOfActivity[activity] = result;
        }

        return result;
    }

    /// <summary>Stage ids stand for their touchpoints.</summary>
    private static string[] Expand(DesignedJourney journey, IReadOnlyList<string> ids)
    {
        var result = new List<string>();
        foreach (var id in ids)
        {
            if (journey.FindTouchpoint(id) is null && journey.FindStage(id) is not null)
            {
                result.AddRange(journey.Touchpoints.Where(t => string.Equals(t.Stage, id, StringComparison.Ordinal)).Select(t => t.Id));
            }
            else
            {
                result.Add(id);
            }
        }

        return [.. result];
    }

    private static bool Intersects(IReadOnlyList<string> ids, string[] touchpoints)
    {
        foreach (var t in touchpoints)
        {
            foreach (var id in ids)
            {
                if (string.Equals(id, t, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Describe(TimeSpan? span) => span is not { } s ? "any time"
        : s.TotalDays >= 1 && s.TotalDays == Math.Floor(s.TotalDays) ? string.Create(CultureInfo.InvariantCulture, $"{s.TotalDays:0} d")
        : s.TotalHours >= 1 && s.TotalHours == Math.Floor(s.TotalHours) ? string.Create(CultureInfo.InvariantCulture, $"{s.TotalHours:0} h")
        : s.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{s.TotalMinutes:0.#} min")
        : string.Create(CultureInfo.InvariantCulture, $"{s.TotalSeconds:0.#} s");

    private sealed record Compiled(JourneyRule Rule, string Kind, RuleCondition? Where);

    private sealed class Customer(int rules)
    {
        public Slot[] Rules { get; } = [.. Enumerable.Range(0, rules).Select(_ => new Slot())];

        public Queue<string> Recent { get; } = new();

        public DateTimeOffset LastEvent { get; set; }
    }

    private sealed class Slot
    {
        public bool Open { get; set; }

        public int Occurrences { get; set; }

        public int Pending { get; set; }

        /// <summary>Counts opened occurrences, so a deadline left in the queue by a resolved one never fires a later one.</summary>
        public int Serial { get; set; }

        public DateTimeOffset TriggeredAt { get; set; }

        public DateTimeOffset Deadline { get; set; }

        public Queue<long> Signals { get; } = new();
    }
}
