using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Journeys;
using Journeyscope.Voc;

namespace Journeyscope.Kpis;

/// <summary>What a kind's observer sees: the log, the journey, the KPI's parameters and the options.</summary>
internal sealed class KpiContext(EventLog log, DesignedJourney? journey, JourneyKpi kpi, KpiKind kind, KpiOptions options, long asOf)
{
    public EventLog Log { get; } = log;

    public DesignedJourney? Journey { get; } = journey;

    public JourneyKpi Kpi { get; } = kpi;

    public KpiOptions Options { get; } = options;

    /// <summary>The moment "now" for censoring (churn by inactivity, retention windows, backlog): the options' or the log's last event.</summary>
    public long AsOf { get; } = asOf;

    /// <summary>Warnings about the data (an activity that never occurs, a missing attribute).</summary>
    public List<string> Notes { get; } = [];

    public ISentimentScorer Sentiment => Options.Sentiment ?? LexiconSentimentScorer.Default;

    /// <summary>The parameter's text, its default, or <c>null</c>.</summary>
    public string? Text(string name)
    {
        if (Kpi.Parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        return kind.FindParameter(name)?.Default;
    }

    /// <summary>The events the parameter names, or <c>null</c> when it is omitted (and optional).</summary>
    public bool[]? Events(string name)
    {
        if (Text(name) is not { } value)
        {
            return null;
        }

        var mask = JourneyEventMatcher.Resolve(Log, Journey, value, out var what);
        if (Array.IndexOf(mask, true) < 0)
        {
            Notes.Add($"{name}: no event matches the {what} '{value}'");
        }

        return mask;
    }

    /// <summary>The event attribute the parameter names, read as numbers.</summary>
    public NumericReader Numbers(string name)
    {
        var column = Column(name);
        return new NumericReader(column);
    }

    /// <summary>The event attribute the parameter names, or <c>null</c> (with a note) when the log has none.</summary>
    public AttributeColumn? Column(string name)
    {
        var attribute = Text(name) ?? name;
        var column = EventAttributeFilter.Column(Log, attribute);
        if (column is null)
        {
            Notes.Add($"{name}: the log has no event attribute '{attribute}'");
        }

        return column;
    }

    public TimeSpan? Duration(string name) =>
        Text(name) is { } text && DurationText.TryParse(text, out var duration) ? duration : null;

    public double Number(string name, double fallback) =>
        Text(name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : fallback;

    public IReadOnlyList<string> List(string name)
    {
        if (Text(name) is not { } text)
        {
            return [];
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts;
    }
}
