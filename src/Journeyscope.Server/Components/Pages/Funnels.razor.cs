using Journeyscope.Funnels;
using Journeyscope.Server.Components.Api;
using Journeyscope.Storage;

namespace Journeyscope.Server.Components.Pages;

/// <summary>The Funnels page: the builder's state and the calls to POST .../funnels (markup in Funnels.razor).</summary>
public partial class Funnels
{
    private const string None = "";
    private const int PageSize = 50;

    /// <summary>The scope as a filter and breakdown prefix: <c>case</c> or <c>event</c>.</summary>
    private static string ScopeWord(AttributeScope scope) => scope == AttributeScope.Case ? "case" : "event";

    private IReadOnlyList<string>? _activities;
    private IReadOnlyList<JourneyListItemModel>? _journeys;
    private IReadOnlyList<TouchpointModel> _touchpoints = [];
    private IReadOnlyList<AttributeInfo> _attributes = [];
    private readonly List<StepRow> _steps = [];
    private readonly List<ExclusionRow> _exclusions = [];
    private string _journey = None;
    private string? _window;
    private string _order = "loose";
    private string _breakdown = None;
    private string? _filterText;
    private FunnelRequestModel? _request;
    private FunnelReport? _result;
    private FunnelDropOffPage? _dropOffs;

    /// <summary>One step being edited: an activity name or a touchpoint id.</summary>
    internal sealed class StepRow
    {
        public string? Value { get; set; }

        public bool Optional { get; set; }

        public string? Window { get; set; }

        /// <summary>One extra condition in the filter syntax (docs/filters.md), or empty.</summary>
        public string? Condition { get; set; }
    }

    /// <summary>One exclusion being edited: an activity that stops a case between two steps (1-based).</summary>
    internal sealed class ExclusionRow
    {
        public string? Activity { get; set; }

        public int FromStep { get; set; } = 1;

        public int ToStep { get; set; }
    }

    /// <summary>The exclusions as edited (for tests).</summary>
    internal IReadOnlyList<ExclusionRow> Exclusions => _exclusions;

    /// <summary>Adds an exclusion over the whole funnel (after step 1, before the last step).</summary>
    internal void AddExclusion() => _exclusions.Add(new ExclusionRow { FromStep = 1, ToStep = _steps.Count });

    /// <summary>The steps as edited (for tests and the keyboard).</summary>
    internal IReadOnlyList<StepRow> Steps => _steps;

    private IEnumerable<(string Value, string Text)> Choices => _journey == None
        ? (_activities ?? []).Select(a => (a, a))
        : _touchpoints.Select(t => (t.Id, t.Name));

    /// <inheritdoc/>
    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var summary = await Api.GetSummaryAsync(Ws, cancellationToken: cancellationToken);
        _activities = [.. summary.Activities.Select(a => a.Name).Order(StringComparer.Ordinal)];
        _journeys = [.. (await Api.GetJourneysAsync(Ws, cancellationToken)).Journeys.Where(j => j.Valid)];
        _attributes = await Api.GetAttributesAsync(Ws, cancellationToken);
        if (_steps.Count > 0 || summary.Events == 0)
        {
            return;
        }

        // Start from the most frequent variant's first steps, so the page shows a funnel right away.
        var variants = await Api.GetVariantsAsync(Ws, 1, cancellationToken: cancellationToken);
        foreach (var activity in variants.Variants.FirstOrDefault()?.Activities.Distinct(StringComparer.Ordinal).Take(4) ?? [])
        {
            _steps.Add(new StepRow { Value = activity });
        }

        if (_steps.Count == 0)
        {
            _steps.Add(new StepRow());
        }

        await ComputeAsync(cancellationToken);
    }

    /// <summary>Adds an empty step at the end.</summary>
    internal void AddStep() => _steps.Add(new StepRow());

    /// <summary>Moves step <paramref name="index"/> by <paramref name="by"/> places.</summary>
    internal void Move(int index, int by)
    {
        var to = index + by;
        if (to >= 0 && to < _steps.Count)
        {
            (_steps[index], _steps[to]) = (_steps[to], _steps[index]);
        }
    }

    /// <summary>Removes step <paramref name="index"/>.</summary>
    internal void Remove(int index)
    {
        if (_steps.Count > 1)
        {
            _steps.RemoveAt(index);
        }
    }

    /// <summary>Switches the step source between the log's activities and a journey's touchpoints; the steps start over.</summary>
    internal Task PickJourneyAsync(string journey) => RunAsync(async cancellationToken =>
    {
        _journey = journey ?? None;
        _touchpoints = _journey == None ? [] : (await Api.GetJourneyAsync(Ws, _journey, cancellationToken))?.Touchpoints ?? [];
        _steps.Clear();
        foreach (var t in _touchpoints.Take(4))
        {
            _steps.Add(new StepRow { Value = t.Id });
        }

        if (_steps.Count == 0)
        {
            _steps.Add(new StepRow());
        }
    });

    /// <summary>Sets the conversion window, order and breakdown (empty: none).</summary>
    internal void Configure(string? window, string order, string breakdown) => (_window, _order, _breakdown) = (window, order, breakdown);

    /// <summary>Computes the funnel as built.</summary>
    internal Task RunFunnelAsync() => RunAsync(ComputeAsync);

    private async Task ComputeAsync(CancellationToken cancellationToken)
    {
        var missing = _steps.FindIndex(s => string.IsNullOrEmpty(s.Value));
        if (missing >= 0)
        {
            Error = $"Step {missing + 1}: pick {(_journey == None ? "an activity" : "a touchpoint")}, or remove the step.";
            return;
        }

        var unpicked = _exclusions.FindIndex(x => string.IsNullOrEmpty(x.Activity));
        if (unpicked >= 0)
        {
            Error = $"Exclusion {unpicked + 1}: pick an activity, or remove the exclusion.";
            return;
        }

        var steps = _steps.Select((s, i) => _journey == None
            ? new FunnelStepRequestModel(Activities: [s.Value!], Optional: i > 0 && s.Optional, Window: i > 0 ? Blank(s.Window) : null, Conditions: Conditions(s))
            : new FunnelStepRequestModel(Journey: _journey, Touchpoint: s.Value, Optional: i > 0 && s.Optional, Window: i > 0 ? Blank(s.Window) : null, Conditions: Conditions(s))).ToList();
        var exclusions = _exclusions.Select(x => new FunnelExclusionModel([x.Activity!], x.FromStep, x.ToStep)).ToList();
        var filters = (_filterText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _request = new FunnelRequestModel(steps, _order, Blank(_window), Blank(_breakdown), filters, Exclusions: exclusions.Count == 0 ? null : exclusions);
        _result = await Api.ComputeFunnelAsync(Ws, _request, cancellationToken);
        _dropOffs = null;
    }

    /// <summary>Lists a page of the cases that stopped at <paramref name="step"/> (1-based), optionally of one breakdown value.</summary>
    internal Task ShowDropOffsAsync(int step, int page, bool byBreakdown = false, string? breakdownValue = null) => RunAsync(async cancellationToken =>
    {
        if (_request is null)
        {
            return;
        }

        var dropOffs = new FunnelDropOffRequestModel(step, byBreakdown, breakdownValue, page, PageSize);
        var result = await Api.ComputeFunnelAsync(Ws, _request with { DropOffs = dropOffs }, cancellationToken);
        _dropOffs = result.DropOffs;
    });

    /// <summary>The cases that reached the step before <paramref name="index"/> (0-based) and not this one: its drop-off.</summary>
    private long DroppedBefore(int index) => index == 0 || _result is null ? 0 : _result.Steps[index - 1].DroppedOff;

    /// <summary>A bar's width: <paramref name="count"/> against the widest step's entered count.</summary>
    private string BarWidth(long count)
    {
        var widest = _result is null ? 0 : _result.Steps.Max(s => s.Entered);
        var percent = widest <= 0 ? 0 : 100.0 * count / widest;
        return FormattableString.Invariant($"width:{percent:0.###}%");
    }

    private static string DropOffLabel(long dropped, int from, int to) => $"Show the {dropped} cases that reached step {from} and not step {to}";

    private static int Pages(FunnelDropOffPage page) => (int)Math.Max(1, (page.Total + page.PageSize - 1) / page.PageSize);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IReadOnlyList<string>? Conditions(StepRow step) => Blank(step.Condition) is { } condition ? [condition] : null;
}
