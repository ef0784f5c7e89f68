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

    /// <summary>
    /// Every check of the data in the order it was made, with its note and whether it failed (the note is then in
    /// <see cref="Notes"/>): the same checks in every log, so partials of a partitioned log can combine them.
    /// </summary>
    public List<(string Note, bool Failed)> Checks { get; } = [];

    /// <summary>Answers a kind left out as invalid (NPS answers outside 0-10); noted once the kind has observed.</summary>
    public int Ignored { get; private set; }

    public ISentimentScorer Sentiment => Options.Sentiment ?? LexiconSentimentScorer.Default;

    /// <summary>The parameter's text, its default, or <c>null</c>.</summary>
    public string? Text(string name) => Text(Kpi, kind, name);

    /// <summary>The events the parameter names, or <c>null</c> when it is omitted (and optional).</summary>
    public bool[]? Events(string name)
    {
        if (Text(name) is not { } value)
        {
            return null;
        }

        var mask = JourneyEventMatcher.Resolve(Log, Journey, value, out var what);
        Check($"{name}: no event matches the {what} '{value}'", Array.IndexOf(mask, true) < 0);

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
        Check($"{name}: the log has no event attribute '{attribute}'", column is null);

        return column;
    }

    /// <summary>Leaves out <paramref name="count"/> invalid answers and notes how many (when any).</summary>
    public void Ignore(int count)
    {
        Ignored += count;
        if (count > 0)
        {
            Notes.Add(IgnoredNote(count));
        }
    }

    /// <summary>The note about <paramref name="count"/> answers outside 0-10.</summary>
    public static string IgnoredNote(int count) => $"{count} answers outside 0-10 ignored";

    /// <summary>The parameter's text in <paramref name="kpi"/>, the kind's default, or <c>null</c>.</summary>
    public static string? Text(JourneyKpi kpi, KpiKind kind, string name)
    {
        if (kpi.Parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        return kind.FindParameter(name)?.Default;
    }

    /// <summary>The parameter as a duration, or <c>null</c> when it is omitted.</summary>
    public static TimeSpan? Duration(JourneyKpi kpi, KpiKind kind, string name) =>
        Text(kpi, kind, name) is { } text && DurationText.TryParse(text, out var duration) ? duration : null;

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

    private void Check(string note, bool failed)
    {
        Checks.Add((note, failed));
        if (failed)
        {
            Notes.Add(note);
        }
    }
}
