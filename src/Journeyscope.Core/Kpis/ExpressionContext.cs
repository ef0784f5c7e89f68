using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Kpis;

/// <summary>
/// The log and journey an expression is evaluated against, with caches that outlive one evaluation (touchpoint masks,
/// time-target breaches), and the current scope: which cases with which weights, and which period.
/// </summary>
/// <remarks>
/// A context built from <see cref="AggregateItems"/> (the finish of a partitioned log, <see cref="JourneyKpiPartial"/>) has no
/// log: each aggregate reads the items its cases contributed, which give the same sums in the same order.
/// </remarks>
internal sealed class ExpressionContext
{
    private readonly Dictionary<string, bool[]> _touchpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool[]> _breaches = new(StringComparer.Ordinal);
    private readonly Dictionary<ConditionNode, BoundCondition> _bound = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<AggregateNode, double?[]> _cells = new(ReferenceEqualityComparer.Instance);
    private readonly EventLog? _log;
    private readonly IReadOnlyDictionary<AggregateNode, AggregateItems>? _items;
    private readonly long[]? _firstTimes;
    private readonly long[]? _lastTimes;

    public ExpressionContext(EventLog log, DesignedJourney? journey)
    {
        _log = log;
        Journey = journey;
    }

    /// <summary>A context over the items of every aggregate, with each case's first and last event time (<see cref="long.MaxValue"/> and <see cref="long.MinValue"/> for a case without events).</summary>
    public ExpressionContext(IReadOnlyDictionary<AggregateNode, AggregateItems> items, long[] firstTimes, long[] lastTimes)
    {
        _items = items;
        _firstTimes = firstTimes;
        _lastTimes = lastTimes;
    }

    public EventLog Log => _log ?? throw new InvalidOperationException("This expression context reads the items of a partial, not a log.");

    public DesignedJourney? Journey { get; }

    /// <summary>The cases in scope and how many times each counts (bootstrap resamples count a case several times).</summary>
    public int[] Cases { get; set; } = [];

    public int[] Weights { get; set; } = [];

    /// <summary>The period: events in [From, To) count; cases count when their first event is in it.</summary>
    public long From { get; set; } = long.MinValue;

    public long To { get; set; } = long.MaxValue;

    /// <summary>
    /// When set, every aggregate reads its value in cell <see cref="Cell"/> of this grid (all cases, weight 1) instead of
    /// the scope above: the first read fills every cell in one pass over the aggregate's items. Setting it forgets the cells.
    /// </summary>
    public KpiGrid? Grid
    {
        get;
        set
        {
            field = value;
            _cells.Clear();
        }
    }

    /// <summary>The cell of <see cref="Grid"/> that aggregates read.</summary>
    public int Cell { get; set; }

    public bool InPeriod(long time) => time >= From && time < To;

    public bool CaseInPeriod(int caseIndex)
    {
        var first = FirstTime(caseIndex);
        return first != long.MaxValue && InPeriod(first);
    }

    /// <summary>The time of the first event of case <paramref name="caseIndex"/>; <see cref="long.MaxValue"/> without events.</summary>
    public long FirstTime(int caseIndex) => _firstTimes is { } first
        ? first[caseIndex]
        : Log.CaseLength(caseIndex) > 0 ? Log.Timestamps[Log.CaseStart(caseIndex)] : long.MaxValue;

    /// <summary>The value of <paramref name="aggregate"/> in cell <see cref="Cell"/> of <see cref="Grid"/>.</summary>
    public double? CellValue(AggregateNode aggregate, string expression)
    {
        if (!_cells.TryGetValue(aggregate, out var values))
        {
            values = aggregate.EvaluateCells(ItemsOf(aggregate) ?? aggregate.Collect(this, expression), Grid!);
            _cells[aggregate] = values;
        }

        return values[Cell];
    }

    /// <summary>The items <paramref name="aggregate"/> reads, or <c>null</c> when the context reads the log.</summary>
    public AggregateItems? ItemsOf(AggregateNode aggregate) => _items is null ? null : _items[aggregate];

    /// <summary>The first and last event time of all cases (<see cref="long.MaxValue"/>, <see cref="long.MinValue"/> without events).</summary>
    public (long Min, long Max) TimeRange()
    {
        long min = long.MaxValue, max = long.MinValue;
        if (_firstTimes is { } first && _lastTimes is { } last)
        {
            foreach (var t in first)
            {
                min = Math.Min(min, t);
            }

            foreach (var t in last)
            {
                max = Math.Max(max, t);
            }

            return (min, max);
        }

        foreach (var t in Log.Timestamps)
        {
            (min, max) = (Math.Min(min, t), Math.Max(max, t));
        }

        return (min, max);
    }

    /// <summary>The condition bound to this log, once: later evaluations (bootstrap, per case) reuse it.</summary>
    public BoundCondition Bind(ConditionNode condition, string expression)
    {
        if (!_bound.TryGetValue(condition, out var bound))
        {
            bound = condition.Bind(this, expression);
            _bound[condition] = bound;
        }

        return bound;
    }

    /// <summary>The events of a touchpoint, stage or activity of that name (docs/journeys.md mapping).</summary>
    public bool[] EventsOf(string name)
    {
        if (!_touchpoints.TryGetValue(name, out var mask))
        {
            mask = JourneyEventMatcher.Resolve(Log, Journey, name, out _);
            _touchpoints[name] = mask;
        }

        return mask;
    }

    /// <summary>Per case: whether the time target was breached (both ends reached, more than its allowance apart).</summary>
    public bool[] Breaches(string targetId, int position, string expression)
    {
        if (_breaches.TryGetValue(targetId, out var breached))
        {
            return breached;
        }

        TimeTarget? target = null;
        foreach (var candidate in Journey?.TimeTargets ?? [])
        {
            if (string.Equals(candidate.Id, targetId, StringComparison.Ordinal))
            {
                target = candidate;
            }
        }

        if (target is null)
        {
            throw new KpiExpressionException(expression, position, Journey is null
                ? $"time_target_breached({targetId}) needs a journey with time targets"
                : $"the journey has no time target '{targetId}'");
        }

        breached = TimeTargets.Breaches(Log, EventsOf(target.From), EventsOf(target.To), target.From == target.To, target.Within);
        _breaches[targetId] = breached;
        return breached;
    }
}
